package dev.berth.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The device filter (reference/isolation.md section 1, row 18): a container may make a node for
 * the host's disk but not open it. On a v1 host the devices cgroup refuses the open; on v2, where
 * berth has no device filter yet, the container has no CAP_MKNOD to make the node.
 */
class DeviceCgroupIT {

    @RegisterExtension
    final EngineFixture fx = EngineFixture.withBusybox("bb");

    @Test
    void aNodeForTheHostsRootDisk_cannotBeReadInside() throws Exception {
        String disk = rootDevice();
        String[] majorMinor = disk.split(":");
        String script = "exec 2>&1; mknod /tmp/disk b " + majorMinor[0] + " " + majorMinor[1] + " && echo made;"
                + " head -c 512 /tmp/disk | wc -c; echo 1 > /tmp/disk";
        String id = fx.run(RunRequest.builder("bb").command("sh", "-c", script).build());

        if (Files.isDirectory(EngineFixture.CGROUP_ROOT.resolve("devices"))) {
            assertThat(fx.output(id)).isEqualTo("made\nhead: /tmp/disk: Operation not permitted\n0\n"
                    + "sh: can't create /tmp/disk: Operation not permitted\n");
        } else {
            assertThat(fx.output(id)).isEqualTo("mknod: /tmp/disk: Operation not permitted\n"
                    + "head: /tmp/disk: No such file or directory\n0\n");
        }
        assertThat(fx.engine.runtime().inspect(id).exitCode()).isEqualTo(1);
    }

    /** MAJOR:MINOR of the block device the host's root filesystem is on, from /proc/self/mountinfo. */
    private static String rootDevice() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"))) {
            String[] f = line.split(" ");
            if (f[4].equals("/")) {
                assertThat(Path.of("/sys/dev/block/" + f[2])).as("the root filesystem is on a block device").exists();
                return f[2];
            }
        }
        throw new AssertionError("no root mount in /proc/self/mountinfo");
    }
}
