package dev.berth.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.engine.runtime.ContainerLimits;
import dev.berth.engine.testing.TestResources;
import dev.berth.engine.volume.MountFlags;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Runs {@code probe/probe.sh} through the wired engine with reference/isolation.md section 1.2's
 * {@code --hostname probe --memory 256m --cpus 0.5 --pids-limit 100} and compares its output with
 * {@code probe/golden-limits.txt}: the container's own cgroups are bound read-only under
 * /sys/fs/cgroup as Docker shows them on a v1 host, the limits read there are Docker's
 * (268435456 / 50000 / 100000 / 100), and the generated /etc files are bound over the image's.
 */
class ProbeLimitsIT {

    @RegisterExtension
    final EngineFixture fx = EngineFixture.withBusybox("bb");

    @Test
    void probe_withLimits_printsDockersFacts() throws Exception {
        Path probe = fx.base.resolve("probe.sh");
        Files.writeString(probe, TestResources.text("probe/probe.sh"));
        String id = fx.run(RunRequest.builder("bb").hostname("probe")
                .limits(new ContainerLimits(256L * 1024 * 1024, 0, 500_000_000L, 100))
                .mount(MountFlags.parseVolume(probe + ":/probe.sh:ro"))
                .command("sh", "/probe.sh").build());
        String hard = Long.toString(Math.min(524288, hostNofileHard()));
        String normalised = fx.output(id).replace("nofile 1024 " + hard + "\n", "nofile 1024 HARD\n");
        String golden = TestResources.text("probe/golden-limits.txt");
        if (!normalised.equals(golden)) {
            Files.writeString(Path.of("target/probe-limits-actual.txt"), normalised);
        }
        assertThat(normalised).isEqualTo(golden);
    }

    private static long hostNofileHard() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
            if (line.startsWith("Max open files")) {
                String hard = line.substring("Max open files".length()).trim().split("\\s+")[1];
                return hard.equals("unlimited") ? Long.MAX_VALUE : Long.parseLong(hard);
            }
        }
        throw new IOException("no Max open files line in /proc/self/limits");
    }
}
