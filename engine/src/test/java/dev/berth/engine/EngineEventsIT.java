package dev.berth.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.engine.core.EngineException;
import dev.berth.engine.runtime.NameConflictException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The events the engine's facade emits, in Docker's order and with Docker's attributes. */
class EngineEventsIT {

    @RegisterExtension
    final EngineFixture fx = EngineFixture.withBusybox("bb");

    private EventBus.Subscription events;

    @BeforeEach
    void subscribe() {
        events = fx.engine.events().subscribe(Long.MAX_VALUE, 10_000);
    }

    @AfterEach
    void unsubscribe() {
        events.close();
    }

    private List<EngineEvent> taken() throws InterruptedException {
        List<EngineEvent> all = new ArrayList<>();
        EngineEvent e;
        while ((e = events.next(0)) != null) {
            all.add(e);
        }
        return all;
    }

    private static List<String> actions(List<EngineEvent> events) {
        return events.stream().map(e -> e.type() + " " + e.action()).toList();
    }

    @Test
    void stop_emitsKillDieStop_thenDestroy_withTheLabelsOnEach() throws InterruptedException {
        String id = fx.engine.create(RunRequest.builder("bb").name("events-stop").command("sleep", "1000")
                .label("tier", "web").build());
        fx.engine.start(id);
        fx.engine.stop(id, Duration.ofMillis(200));
        fx.engine.remove(id, false, false);

        List<EngineEvent> seen = taken();
        assertThat(actions(seen)).containsExactly("container create", "container start", "container kill",
                "container die", "container stop", "container destroy");
        assertThat(seen).allSatisfy(e -> assertThat(e.attributes()).containsEntry("tier", "web")
                .containsEntry("name", "events-stop").containsEntry("image", "bb"));
        assertThat(seen.get(2).attributes()).containsEntry("signal", "15");
        // sleep as PID 1 has no handler for SIGTERM: the stop ends with SIGKILL after the grace period
        assertThat(seen.get(3).attributes()).containsEntry("exitCode", "137");
    }

    @Test
    void killPauseUnpauseRestart_areEmitted() throws InterruptedException {
        String id = fx.engine.create(RunRequest.builder("bb").command("sleep", "1000").build());
        fx.engine.start(id);
        fx.engine.pause(id);
        fx.engine.unpause(id);
        fx.engine.restart(id, Duration.ofMillis(200));
        fx.engine.kill(id, "KILL");
        fx.engine.waitFor(id);

        List<EngineEvent> seen = taken();
        assertThat(actions(seen)).containsExactly("container create", "container start", "container pause",
                "container unpause", "container kill", "container die", "container stop", "container start",
                "container restart", "container kill", "container die");
        assertThat(seen.get(9).attributes()).containsEntry("signal", "9");
    }

    @Test
    void forcedRemoval_ofARunningContainer_emitsKillDieDestroy() throws InterruptedException {
        String id = fx.engine.create(RunRequest.builder("bb").command("sleep", "1000").build());
        fx.engine.start(id);
        fx.engine.remove(id, true, true);

        List<EngineEvent> seen = taken();
        assertThat(actions(seen)).containsExactly("container create", "container start", "container kill",
                "container die", "container destroy");
        assertThat(seen.get(2).attributes()).containsEntry("signal", "9");
        assertThat(seen.get(3).attributes()).containsEntry("exitCode", "137");
    }

    @Test
    void rename_emitsTheOldName_andRefusesATakenOne() throws InterruptedException {
        String id = fx.engine.create(RunRequest.builder("bb").name("events-old").command("true").build());
        String other = fx.engine.create(RunRequest.builder("bb").name("events-taken").command("true").build());

        fx.engine.rename(id, "/events-new");

        assertThat(fx.engine.inspect(id).name()).isEqualTo("events-new");
        EngineEvent rename = taken().getLast();
        assertThat(rename.action()).isEqualTo("rename");
        assertThat(rename.attributes()).containsEntry("oldName", "/events-old").containsEntry("name", "events-new");
        assertThatThrownBy(() -> fx.engine.rename(id, "events-taken")).isInstanceOf(NameConflictException.class)
                .hasMessageContaining("\"/events-taken\" is already in use by container \"" + other + "\"");
        assertThatThrownBy(() -> fx.engine.rename(id, "events-new")).isInstanceOf(EngineException.class)
                .hasMessage("Renaming a container with the same name as its current name");
        assertThatThrownBy(() -> fx.engine.rename(id, "a")).isInstanceOf(EngineException.class)
                .hasMessageStartingWith("Invalid container name (a)");
    }

    @Test
    void volumesAndImages_emitTheirEvents() throws InterruptedException {
        fx.engine.createVolume("events-vol", Map.of(), Map.of());
        fx.engine.removeVolume("events-vol");
        fx.engine.tagImage("bb", "events/bb:2");
        fx.engine.removeImage("events/bb:2", false);
        String imageId = fx.engine.inspectImage("bb").image().id();

        List<EngineEvent> seen = taken();
        assertThat(actions(seen)).containsExactly("volume create", "volume destroy", "image tag", "image untag");
        assertThat(seen.get(0).actorId()).isEqualTo("events-vol");
        assertThat(seen.get(0).attributes()).containsEntry("driver", "local");
        assertThat(seen.get(2).actorId()).isEqualTo(imageId);
        assertThat(seen.get(2).attributes()).containsEntry("name", "events/bb:2");
    }
}
