package dev.berth.engine.cgroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class V1CgroupManagerTest extends CgroupManagerContract {

    private static final List<String> ALL =
            List.of("memory", "cpu", "cpuacct", "cpuset", "pids", "freezer", "devices", "blkio", "name=systemd");

    private FakeCgroupFs fs;
    private V1CgroupManager manager;

    @BeforeEach
    void setUp() throws IOException {
        fs = FakeCgroupFs.v1(root, ALL);
        manager = new V1CgroupManager(fs.v1Mounts(ALL), "berth", fs);
    }

    @Test
    void create_writesMemoryCpuAndPidsLimits_inTheirControllers() {
        ResourceLimits limits = ResourceLimits.builder().memory("256m").memorySwap("512m")
                .memoryReservation("128m").cpus("0.5").cpuShares(512).pidsLimit(100).build();

        Cgroup cgroup = manager.create("web-1", limits);

        assertThat(read("memory/berth/web-1/memory.limit_in_bytes")).isEqualTo("268435456");
        assertThat(read("memory/berth/web-1/memory.memsw.limit_in_bytes")).isEqualTo("536870912");
        assertThat(read("memory/berth/web-1/memory.soft_limit_in_bytes")).isEqualTo("134217728");
        assertThat(read("cpu/berth/web-1/cpu.cfs_quota_us")).isEqualTo("50000");
        assertThat(read("cpu/berth/web-1/cpu.cfs_period_us")).isEqualTo("100000");
        assertThat(read("cpu/berth/web-1/cpu.shares")).isEqualTo("512");
        assertThat(read("pids/berth/web-1/pids.max")).isEqualTo("100");
        assertThat(cgroup.readControlFile("memory.limit_in_bytes")).isEqualTo("268435456");
        assertThat(cgroup.readControlFile("pids.max")).isEqualTo("100");
    }

    @Test
    void create_leavesKernelDefaults_whenNoLimitIsSet() {
        manager.create("idle", ResourceLimits.NONE);

        assertThat(read("memory/berth/idle/memory.limit_in_bytes")).isEqualTo(FakeCgroupFs.UNLIMITED_V1);
        assertThat(read("cpu/berth/idle/cpu.cfs_quota_us")).isEqualTo("-1");
        assertThat(read("pids/berth/idle/pids.max")).isEqualTo("max");
    }

    @Test
    void create_writesPidsMaxUnderRuncRules_forZeroAndNegative() {
        manager.create("zero", ResourceLimits.builder().pidsLimit(0).build());
        manager.create("unlimited", ResourceLimits.builder().pidsLimit(-1).build());

        assertThat(read("pids/berth/zero/pids.max")).isEqualTo("1");
        assertThat(read("pids/berth/unlimited/pids.max")).isEqualTo("max");
    }

    @Test
    void create_copiesCpusetFromParent_soAProcessCanJoin() {
        Cgroup cgroup = manager.create("web-1", ResourceLimits.NONE);

        assertThat(read("cpuset/berth/cpuset.cpus")).isEqualTo("0-1");
        assertThat(read("cpuset/berth/web-1/cpuset.cpus")).isEqualTo("0-1");
        assertThat(read("cpuset/berth/web-1/cpuset.mems")).isEqualTo("0");
        long self = ProcessHandle.current().pid();
        cgroup.addProcess(self);
        assertThat(cgroup.pids()).containsExactly(self);
    }

    @Test
    void create_writesCpusetLimits_overTheCopiedValues() {
        manager.create("pinned", ResourceLimits.builder().cpusetCpus("1").cpusetMems("0").build());

        assertThat(read("cpuset/berth/pinned/cpuset.cpus")).isEqualTo("1");
    }

    @Test
    void create_appliesDockerDeviceRules_startingWithDenyAll() {
        manager.create("web-1", ResourceLimits.NONE);

        assertThat(fs.writes()).filteredOn(w -> w.contains("devices."))
                .first().isEqualTo("devices/berth/web-1/devices.deny <- a");
        assertThat(read("devices/berth/web-1/devices.list").split("\n")).containsExactlyInAnyOrder(
                "b *:* m", "c *:* m", "c 1:3 rwm", "c 1:5 rwm", "c 1:7 rwm", "c 1:8 rwm", "c 1:9 rwm",
                "c 5:0 rwm", "c 5:1 rwm", "c 5:2 rwm", "c 10:200 rwm", "c 136:* rwm");
        assertThat(manager.filtersDevices()).isTrue();
    }

    @Test
    void create_removesWhatItMade_whenALimitCannotBeWritten() {
        fs.failWritesTo("pids.max", "Invalid argument");

        assertThatThrownBy(() -> manager.create("web-1", ResourceLimits.builder().pidsLimit(5).build()))
                .isInstanceOf(CgroupException.class)
                .hasMessage("write \"5\" to " + root.resolve("pids/berth/web-1/pids.max")
                        + ": Invalid argument");
        for (String controller : ALL) {
            assertThat(root.resolve(controller).resolve("berth/web-1")).doesNotExist();
        }
    }

    @Test
    void create_refusesALimitWhoseControllerIsNotMounted() throws IOException {
        Path other = Files.createDirectories(root.resolve("other"));
        FakeCgroupFs cpuOnly = FakeCgroupFs.v1(other, List.of("cpu"));
        V1CgroupManager cpuManager = new V1CgroupManager(cpuOnly.v1Mounts(List.of("cpu")), "berth", cpuOnly);

        assertThatThrownBy(() -> cpuManager.create("web-1", ResourceLimits.builder().memory("64m").build()))
                .isInstanceOf(CgroupException.class)
                .hasMessage("create cgroup /berth/web-1: the limits need the memory controller,"
                        + " which is not mounted on this host");
    }

    @Test
    void procsFiles_listsOneFilePerController() {
        Cgroup cgroup = manager.create("web-1", ResourceLimits.NONE);

        assertThat(cgroup.procsFiles()).hasSize(ALL.size())
                .contains(root.resolve("memory/berth/web-1/cgroup.procs"),
                        root.resolve("freezer/berth/web-1/cgroup.procs"));
    }

    @Test
    void freezeAndThaw_switchTheFreezerState() {
        Cgroup cgroup = manager.create("web-1", ResourceLimits.NONE);

        cgroup.freeze();
        assertThat(cgroup.frozen()).isTrue();
        assertThat(read("freezer/berth/web-1/freezer.state")).isEqualTo("FROZEN");
        cgroup.thaw();
        assertThat(cgroup.frozen()).isFalse();
    }

    @Test
    void oomKillCount_readsTheOomControlCounter() throws IOException {
        Cgroup cgroup = manager.create("web-1", ResourceLimits.NONE);
        Files.writeString(root.resolve("memory/berth/web-1/memory.oom_control"),
                "oom_kill_disable 0\nunder_oom 0\noom_kill 2\n");

        assertThat(cgroup.oomKillCount()).isEqualTo(2);
    }

    @Test
    void remove_deletesEveryDirectory_whenEmpty() {
        Cgroup cgroup = manager.create("web-1", ResourceLimits.NONE);

        cgroup.remove();

        for (String controller : ALL) {
            assertThat(root.resolve(controller).resolve("berth/web-1")).doesNotExist();
            assertThat(root.resolve(controller).resolve("berth")).isDirectory();
        }
    }

    @Test
    void killAll_killsTheProcesses_andLeavesTheCgroupEmpty() throws Exception {
        Cgroup cgroup = manager.create("web-1", ResourceLimits.NONE);
        Process sleeper = new ProcessBuilder("sleep", "600").start();
        try {
            cgroup.addProcess(sleeper.pid());

            cgroup.killAll();

            assertThat(sleeper.waitFor(5, TimeUnit.SECONDS)).isTrue();
            assertThat(sleeper.exitValue()).isEqualTo(137);
            assertThat(cgroup.pids()).isEmpty();
            assertThat(cgroup.frozen()).isFalse();
        } finally {
            sleeper.destroyForcibly();
        }
    }

    @Override
    CgroupManager manager() {
        return manager;
    }

    /** The v1 manager makes memory's folder first. */
    @Test
    void find_refusesACgroupPresentInSomeHierarchiesOnly() throws IOException {
        manager.create("web-1", ResourceLimits.NONE);
        Path pids = root.resolve("pids/berth/web-1");
        try (var files = Files.walk(pids)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }

        assertThatThrownBy(() -> manager.find("web-1"))
                .isInstanceOf(IncompleteCgroupException.class)
                .hasMessage("open cgroup /berth/web-1: " + pids + " does not exist, though " + folder("web-1")
                        + " does: the cgroup is incomplete (a process was killed while it made or removed it)");
    }

    @Test
    void removeIncomplete_removesTheFoldersThatExist_soTheCgroupCanBeMadeAgain() throws IOException {
        manager.create("web-1", ResourceLimits.NONE);
        Path pids = root.resolve("pids/berth/web-1");
        try (var files = Files.walk(pids)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }

        manager.removeIncomplete("web-1");

        assertThat(manager.find("web-1")).isEmpty();
        assertThat(folder("web-1")).doesNotExist();
        assertThat(manager.create("web-1", ResourceLimits.NONE).procsFiles()).allMatch(Files::exists);
    }

    @Override
    Path folder(String name) {
        return root.resolve("memory/berth").resolve(name);
    }
}
