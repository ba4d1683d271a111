package dev.berth.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which states count as an exit after a wait began. */
class ExitMarkTest {

    private static final String ID = "c".repeat(64);

    @Test
    void runningAtTheMark_exitsWhenThatRunEnds() {
        ExitMark mark = ExitMark.of(running("2026-12-04T10:00:00Z"));

        assertThat(mark.exitedSince(running("2026-12-04T10:00:00Z"))).isFalse();
        assertThat(mark.exitedSince(exited("2026-12-04T10:00:00Z", "2026-12-04T10:00:05Z"))).isTrue();
    }

    @Test
    void exitedAtTheMark_isNotTheNextExit_butALaterRunIs() {
        ContainerState before = exited("2026-12-04T10:00:00Z", "2026-12-04T10:00:05Z");
        ExitMark mark = ExitMark.of(before);

        assertThat(mark.exitedSince(before)).isFalse();
        assertThat(mark.exitedSince(exited("2026-12-04T10:01:00Z", "2026-12-04T10:00:05Z")))
                .as("a new start with an exit recorded at the same second").isTrue();
    }

    @Test
    void createdAtTheMark_waitsForItsFirstExit() {
        ContainerState created = new ContainerState(ID, "n", ContainerStatus.CREATED, 0, 0, 0, "2026-12-04T09:00:00Z",
                null, null, 0, false, null);
        ExitMark mark = ExitMark.of(created);

        assertThat(mark.live()).isFalse();
        assertThat(mark.exitedSince(created)).isFalse();
        assertThat(mark.exitedSince(created.failedStart(127, "2026-12-04T10:00:00Z", "not found"))).isTrue();
    }

    private static ContainerState running(String startedAt) {
        return new ContainerState(ID, "n", ContainerStatus.RUNNING, 10, 1, 11, "2026-12-04T09:00:00Z", startedAt,
                null, 0, false, null);
    }

    private static ContainerState exited(String startedAt, String finishedAt) {
        return new ContainerState(ID, "n", ContainerStatus.EXITED, 0, 0, 0, "2026-12-04T09:00:00Z", startedAt,
                finishedAt, 137, false, null);
    }
}
