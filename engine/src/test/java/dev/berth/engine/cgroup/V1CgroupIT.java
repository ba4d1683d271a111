package dev.berth.engine.cgroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Drives the real v1 hierarchies of this (hybrid) host under a parent cgroup of its own, with
 * processes the test starts, and removes every process and cgroup it made, also on failure.
 */
class V1CgroupIT {

    private final String parent = "berth-it-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    private final List<Process> processes = new ArrayList<>();
    private final List<Cgroup> cgroups = new ArrayList<>();
    private CgroupLayout layout;
    private CgroupManager manager;

    @BeforeEach
    void setUp() throws IOException {
        layout = CgroupLayout.parseMountinfo(Files.readString(Path.of("/proc/self/mountinfo")));
        manager = Cgroups.detect(parent);
    }

    @AfterEach
    void cleanUp() throws IOException {
        for (Process process : processes) {
            process.destroyForcibly();
        }
        List<Cgroup> existing = cgroups.stream()
                .filter(c -> Files.exists(((V1Cgroup) c).directory("memory"))).toList();
        for (Cgroup cgroup : existing) {
            // A frozen process cannot die: thaw before waiting for the kills to land.
            if (cgroup.frozen()) {
                cgroup.thaw();
            }
        }
        for (Process process : processes) {
            process.onExit().join();
        }
        for (Cgroup cgroup : existing) {
            cgroup.remove();
        }
        for (Path mount : layout.v1Controllers().values().stream().distinct().toList()) {
            Files.deleteIfExists(mount.resolve(parent));
        }
    }

    @Test
    void hybridHost_isManagedAsV1_withADeviceFilter() {
        assertThat(manager.mode()).isEqualTo(CgroupLayout.Mode.V1);
        assertThat(manager.filtersDevices()).isTrue();
    }

    @Test
    void create_writesTheLimitsAndDockersDeviceList_intoTheKernelFiles() {
        Cgroup cgroup = track(manager.create("limits", ResourceLimits.builder().memory("256m")
                .cpus("0.5").pidsLimit(100).build().withDockerSwapDefault()));

        assertThat(cgroup.readControlFile("memory.limit_in_bytes")).isEqualTo("268435456");
        assertThat(cgroup.readControlFile("memory.memsw.limit_in_bytes")).isEqualTo("536870912");
        assertThat(cgroup.readControlFile("cpu.cfs_quota_us")).isEqualTo("50000");
        assertThat(cgroup.readControlFile("cpu.cfs_period_us")).isEqualTo("100000");
        assertThat(cgroup.readControlFile("pids.max")).isEqualTo("100");
        assertThat(cgroup.readControlFile("devices.list").split("\n")).containsExactlyInAnyOrder(
                "b *:* m", "c *:* m", "c 1:3 rwm", "c 1:5 rwm", "c 1:7 rwm", "c 1:8 rwm", "c 1:9 rwm",
                "c 5:0 rwm", "c 5:1 rwm", "c 5:2 rwm", "c 10:200 rwm", "c 136:* rwm");
    }

    @Test
    void aProcess_joinsFreezesThawsAndIsKilled() throws Exception {
        Cgroup cgroup = track(manager.create("life", ResourceLimits.builder().pidsLimit(20).build()));
        Process sleeper = start("sleep", "600");

        cgroup.addProcess(sleeper.pid());
        assertThat(cgroup.pids()).containsExactly(sleeper.pid());
        assertThat(Files.readString(Path.of("/proc/" + sleeper.pid() + "/cgroup")))
                .contains(":memory:/" + parent + "/life\n", ":freezer:/" + parent + "/life\n",
                        ":pids:/" + parent + "/life\n", ":cpuset:/" + parent + "/life\n");

        cgroup.freeze();
        assertThat(cgroup.readControlFile("freezer.state")).isEqualTo("FROZEN");
        assertThat(cgroup.frozen()).isTrue();
        assertThat(state(sleeper)).isEqualTo("D (disk sleep)");

        cgroup.thaw();
        assertThat(cgroup.frozen()).isFalse();
        assertThat(Poll.until(Duration.ofSeconds(5), () -> state(sleeper).equals("S (sleeping)"))).isTrue();

        assertThatThrownBy(cgroup::remove)
                .isInstanceOf(CgroupException.class)
                .hasMessage("remove cgroup /" + parent + "/life: 1 process is still in it (PID "
                        + sleeper.pid() + ") after 3s; stop the container or kill them first");

        cgroup.killAll();
        assertThat(sleeper.waitFor(5, TimeUnit.SECONDS)).isTrue();
        assertThat(sleeper.exitValue()).isEqualTo(137);
        assertThat(cgroup.pids()).isEmpty();

        cgroup.remove();
        for (Path mount : layout.v1Controllers().values()) {
            assertThat(mount.resolve(parent).resolve("life")).doesNotExist();
        }
    }

    @Test
    void anOomKill_isCounted() throws Exception {
        Cgroup cgroup = track(manager.create("oom", ResourceLimits.builder().memory("16m")
                .memorySwap("16m").build()));
        Process hog = start("sh", "-c", "read go; exec dd if=/dev/zero of=/dev/null bs=256M count=1");
        cgroup.addProcess(hog.pid());

        try (OutputStream in = hog.getOutputStream()) {
            in.write("go\n".getBytes(StandardCharsets.US_ASCII));
        }

        assertThat(hog.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(hog.exitValue()).isEqualTo(137);
        assertThat(cgroup.oomKillCount()).isEqualTo(1);
    }

    private Cgroup track(Cgroup cgroup) {
        cgroups.add(cgroup);
        return cgroup;
    }

    private Process start(String... command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        processes.add(process);
        return process;
    }

    private static String state(Process process) {
        try {
            return Files.readAllLines(Path.of("/proc/" + process.pid() + "/status")).stream()
                    .filter(line -> line.startsWith("State:")).findFirst().orElseThrow()
                    .substring("State:".length()).strip();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
