package dev.berth.engine.cgroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Drives the v2 code against the real kernel through this hybrid host's cgroup2 mount
 * ({@code /sys/fs/cgroup/unified}). That hierarchy offers none of the memory, cpu or pids
 * controllers here, so only the core files are exercised: cgroup.procs, cgroup.freeze,
 * cgroup.events, cgroup.kill and rmdir. v2 limits are covered by the fake-tree unit tests only.
 */
class V2CgroupCoreIT {

    private final String parent = "berth-it-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    private Path root;
    private V2CgroupManager manager;
    private Process sleeper;
    private Cgroup cgroup;

    @BeforeEach
    void setUp() throws IOException {
        CgroupLayout layout = CgroupLayout.parseMountinfo(Files.readString(Path.of("/proc/self/mountinfo")));
        root = layout.unified().orElseThrow(() -> new AssertionError("this host has no cgroup2 mount"));
        manager = new V2CgroupManager(root, parent, CgroupFs.KERNEL);
    }

    @AfterEach
    void cleanUp() throws Exception {
        boolean exists = cgroup != null && Files.exists(root.resolve(parent).resolve(cgroup.name()));
        if (sleeper != null) {
            sleeper.destroyForcibly();
        }
        // A frozen process cannot die: thaw before waiting for the kill to land.
        if (exists && cgroup.frozen()) {
            cgroup.thaw();
        }
        if (sleeper != null) {
            sleeper.waitFor(10, TimeUnit.SECONDS);
        }
        if (exists) {
            cgroup.remove();
        }
        Files.deleteIfExists(root.resolve(parent));
    }

    @Test
    void aProcess_joinsFreezesThawsAndIsKilledThroughCgroupKill() throws Exception {
        cgroup = manager.create("core", ResourceLimits.NONE);
        sleeper = new ProcessBuilder("sleep", "600").start();

        cgroup.addProcess(sleeper.pid());
        assertThat(cgroup.pids()).containsExactly(sleeper.pid());
        assertThat(Files.readString(Path.of("/proc/" + sleeper.pid() + "/cgroup")))
                .contains("0::/" + parent + "/core\n");

        cgroup.freeze();
        assertThat(cgroup.frozen()).isTrue();
        assertThat(cgroup.readControlFile("cgroup.freeze")).isEqualTo("1");
        cgroup.thaw();
        assertThat(cgroup.frozen()).isFalse();

        assertThatThrownBy(cgroup::remove)
                .isInstanceOf(CgroupException.class)
                .hasMessage("remove cgroup /" + parent + "/core: 1 process is still in it (PID "
                        + sleeper.pid() + ") after 3s; stop the container or kill them first");

        cgroup.killAll();
        assertThat(sleeper.waitFor(5, TimeUnit.SECONDS)).isTrue();
        assertThat(sleeper.exitValue()).isEqualTo(137);

        cgroup.remove();
        assertThat(root.resolve(parent).resolve("core")).doesNotExist();
    }
}
