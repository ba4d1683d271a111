package dev.berth.engine.cgroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class V2CgroupManagerTest extends CgroupManagerContract {

    private FakeCgroupFs fs;
    private V2CgroupManager manager;

    @BeforeEach
    void setUp() throws IOException {
        fs = FakeCgroupFs.v2(root, "cpuset cpu io memory hugetlb pids rdma");
        manager = new V2CgroupManager(root, "berth", fs);
    }

    @Test
    void create_enablesControllersTopDown_beforeMakingTheCgroup() {
        manager.create("web-1", ResourceLimits.NONE);

        assertThat(read("cgroup.subtree_control")).isEqualTo("cpuset cpu memory pids");
        assertThat(read("berth/cgroup.subtree_control")).isEqualTo("cpuset cpu memory pids");
        assertThat(read("berth/web-1/cgroup.controllers")).isEqualTo("cpuset cpu memory pids");
        assertThat(fs.writes()).startsWith("cgroup.subtree_control <- +cpuset",
                "cgroup.subtree_control <- +cpu", "cgroup.subtree_control <- +memory",
                "cgroup.subtree_control <- +pids", "berth/cgroup.subtree_control <- +cpuset");
    }

    @Test
    void create_writesTheV2Files_withRuncConversions() {
        ResourceLimits limits = ResourceLimits.builder().memory("256m").memorySwap("768m")
                .memoryReservation("64m").cpus("1.5").cpuShares(1024).cpusetCpus("0").pidsLimit(100).build();

        Cgroup cgroup = manager.create("web-1", limits);

        assertThat(read("berth/web-1/memory.max")).isEqualTo("268435456");
        assertThat(read("berth/web-1/memory.swap.max")).isEqualTo("536870912");
        assertThat(read("berth/web-1/memory.low")).isEqualTo("67108864");
        assertThat(read("berth/web-1/cpu.max")).isEqualTo("150000 100000");
        assertThat(read("berth/web-1/cpu.weight")).isEqualTo("100");
        assertThat(read("berth/web-1/cpuset.cpus")).isEqualTo("0");
        assertThat(read("berth/web-1/pids.max")).isEqualTo("100");
        assertThat(cgroup.readControlFile("cpu.max")).isEqualTo("150000 100000");
    }

    @Test
    void create_writesUnlimitedSwapAsMax() {
        manager.create("web-1", ResourceLimits.builder().memory("64m").memorySwap("-1").build());

        assertThat(read("berth/web-1/memory.swap.max")).isEqualTo("max");
    }

    @Test
    void create_keepsControllersAlreadyEnabled() throws IOException {
        manager.create("a", ResourceLimits.NONE);
        int writesAfterFirst = fs.writes().size();

        manager.create("b", ResourceLimits.NONE);

        assertThat(fs.writes().subList(writesAfterFirst, fs.writes().size()))
                .noneMatch(w -> w.contains("subtree_control"));
    }

    @Test
    void create_refusesALimitWhoseControllerTheHostLacks() throws IOException {
        Path other = root.resolve("other");
        FakeCgroupFs noPids = FakeCgroupFs.v2(other, "cpu memory");
        V2CgroupManager limited = new V2CgroupManager(other, "berth", noPids);

        assertThatThrownBy(() -> limited.create("web-1", ResourceLimits.builder().pidsLimit(10).build()))
                .isInstanceOf(CgroupException.class)
                .hasMessage("create cgroup /berth/web-1: the limits need the pids controller, which "
                        + other.resolve("cgroup.controllers") + " does not offer");
        assertThat(other.resolve("berth")).doesNotExist();
    }

    @Test
    void create_removesTheCgroup_whenALimitCannotBeWritten() {
        fs.failWritesTo("memory.max", "Device or resource busy");

        assertThatThrownBy(() -> manager.create("web-1", ResourceLimits.builder().memory("64m").build()))
                .isInstanceOf(CgroupException.class)
                .hasMessage("write \"67108864\" to " + root.resolve("berth/web-1/memory.max")
                        + ": Device or resource busy");
        assertThat(root.resolve("berth/web-1")).doesNotExist();
    }

    @Test
    void filtersDevices_isFalse_soTheRuntimeMustDropMknod() {
        assertThat(manager.filtersDevices()).isFalse();
        assertThat(manager.mode()).isEqualTo(CgroupLayout.Mode.V2);
    }

    @Test
    void procsFiles_isTheSingleCgroupProcs() {
        Cgroup cgroup = manager.create("web-1", ResourceLimits.NONE);

        assertThat(cgroup.procsFiles()).containsExactly(root.resolve("berth/web-1/cgroup.procs"));
    }

    @Test
    void freezeAndThaw_useCgroupFreeze_andReadCgroupEvents() {
        Cgroup cgroup = manager.create("web-1", ResourceLimits.NONE);

        cgroup.freeze();
        assertThat(read("berth/web-1/cgroup.freeze")).isEqualTo("1");
        assertThat(cgroup.frozen()).isTrue();
        cgroup.thaw();
        assertThat(read("berth/web-1/cgroup.freeze")).isEqualTo("0");
        assertThat(cgroup.frozen()).isFalse();
    }

    @Test
    void oomKillCount_readsMemoryEvents() throws IOException {
        Cgroup cgroup = manager.create("web-1", ResourceLimits.builder().memory("64m").build());
        Files.writeString(root.resolve("berth/web-1/memory.events"),
                "low 0\nhigh 0\nmax 4\noom 1\noom_kill 1\n");

        assertThat(cgroup.oomKillCount()).isEqualTo(1);
    }

    @Test
    void killAll_writesCgroupKill() throws Exception {
        Cgroup cgroup = manager.create("web-1", ResourceLimits.NONE);
        Process sleeper = new ProcessBuilder("sleep", "600").start();
        try {
            cgroup.addProcess(sleeper.pid());

            cgroup.killAll();

            assertThat(fs.writes()).contains("berth/web-1/cgroup.kill <- 1");
            assertThat(cgroup.pids()).isEmpty();
        } finally {
            sleeper.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void killAll_freezesKillsAndThaws_withoutCgroupKill() throws Exception {
        Cgroup cgroup = manager.create("web-1", ResourceLimits.NONE);
        Files.delete(root.resolve("berth/web-1/cgroup.kill"));
        Process sleeper = new ProcessBuilder("sleep", "600").start();
        try {
            cgroup.addProcess(sleeper.pid());

            cgroup.killAll();

            assertThat(sleeper.waitFor(5, TimeUnit.SECONDS)).isTrue();
            assertThat(sleeper.exitValue()).isEqualTo(137);
            assertThat(fs.writes()).containsSubsequence("berth/web-1/cgroup.freeze <- 1",
                    "berth/web-1/cgroup.freeze <- 0");
            assertThat(cgroup.frozen()).isFalse();
        } finally {
            sleeper.destroyForcibly();
        }
    }

    @Test
    void remove_deletesTheFolder_onceTheLastProcessHasLeft() throws IOException {
        Cgroup cgroup = manager.create("web-1", ResourceLimits.NONE);
        cgroup.addProcess(ProcessHandle.current().pid());
        Files.writeString(root.resolve("berth/web-1/cgroup.procs"), "");

        cgroup.remove();

        assertThat(root.resolve("berth/web-1")).doesNotExist();
    }

    @Override
    CgroupManager manager() {
        return manager;
    }

    @Override
    Path folder(String name) {
        return root.resolve("berth").resolve(name);
    }
}
