package dev.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExitCodesTest {

    @TempDir
    Path dir;

    @Test
    void unknownFlag_exits1_forComposeVerbs() {
        BerthRun run = BerthRun.run(dir, "config", "--bogus");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("berth: Unknown option: '--bogus'");
    }

    @Test
    void unknownFlag_exits125_underEngine_asTheDockerCliDoes() {
        BerthRun run = BerthRun.run(dir, "engine", "run", "--bogus", "busybox");

        assertThat(run.exitCode()).isEqualTo(125);
        assertThat(run.err()).startsWith("berth: Unknown option: '--bogus'");
    }
}
