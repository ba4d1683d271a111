package dev.berth.engine.cgroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CgroupLayoutTest {

    private static final String HYBRID = """
            30 22 0:27 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755
            31 30 0:28 / /sys/fs/cgroup/cpu,cpuacct rw,relatime - cgroup cgroup rw,cpu,cpuacct
            33 30 0:30 / /sys/fs/cgroup/cpuset rw,relatime - cgroup cgroup rw,cpuset
            34 30 0:31 / /sys/fs/cgroup/memory rw,relatime shared:9 - cgroup cgroup rw,memory
            36 30 0:33 / /sys/fs/cgroup/freezer rw,relatime - cgroup cgroup rw,freezer
            39 30 0:36 / /sys/fs/cgroup/systemd rw,relatime - cgroup cgroup rw,xattr,name=systemd
            40 30 0:37 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw
            """;

    @Test
    void parse_treatsAHybridHostAsV1_forItsV1Controllers() {
        CgroupLayout layout = CgroupLayout.parseMountinfo(HYBRID);

        assertThat(layout.mode()).isEqualTo(CgroupLayout.Mode.V1);
        assertThat(layout.v1Controllers()).containsOnlyKeys("cpu", "cpuacct", "cpuset", "memory", "freezer", "name=systemd");
        assertThat(layout.v1Controllers().get("cpu")).isEqualTo(Path.of("/sys/fs/cgroup/cpu,cpuacct"));
        assertThat(layout.v1Controllers().get("cpuacct")).isEqualTo(Path.of("/sys/fs/cgroup/cpu,cpuacct"));
        assertThat(layout.unified()).contains(Path.of("/sys/fs/cgroup/unified"));
    }

    @Test
    void parse_findsAPureV2Host() {
        CgroupLayout layout = CgroupLayout.parseMountinfo(
                "25 20 0:22 / /sys/fs/cgroup rw,nosuid,nodev,noexec,relatime shared:4 - cgroup2 cgroup2 rw,nsdelegate\n");

        assertThat(layout.mode()).isEqualTo(CgroupLayout.Mode.V2);
        assertThat(layout.unified()).isEqualTo(Optional.of(Path.of("/sys/fs/cgroup")));
        assertThat(Cgroups.forLayout(layout, "berth", CgroupFs.KERNEL)).isInstanceOf(V2CgroupManager.class);
    }

    @Test
    void parse_unescapesOctalInMountPoints() {
        CgroupLayout layout = CgroupLayout.parseMountinfo(
                "25 20 0:22 / /mnt/my\\040cgroups rw - cgroup2 cgroup2 rw\n");

        assertThat(layout.unified()).contains(Path.of("/mnt/my cgroups"));
    }

    @Test
    void mode_failsWithAnActionableMessage_whenNothingIsMounted() {
        CgroupLayout layout = CgroupLayout.parseMountinfo("22 1 8:1 / / rw - ext4 /dev/vda rw\n");

        assertThatThrownBy(layout::mode)
                .isInstanceOf(CgroupException.class)
                .hasMessage("no cgroup hierarchy is mounted (no \"cgroup\" or \"cgroup2\" entry in"
                        + " /proc/self/mountinfo): mount cgroup2 on /sys/fs/cgroup");
    }

    @Test
    void parse_rejectsAMalformedLine() {
        assertThatThrownBy(() -> CgroupLayout.parseMountinfo("garbage\n"))
                .hasMessage("read /proc/self/mountinfo: malformed line \"garbage\"");
    }
}
