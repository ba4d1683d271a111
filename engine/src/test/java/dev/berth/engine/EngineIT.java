package dev.berth.engine;

import dev.berth.engine.core.EngineException;
import static dev.berth.engine.EngineFixture.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.engine.runtime.ContainerInspect;
import dev.berth.engine.runtime.ContainerLimits;
import dev.berth.engine.runtime.ContainerStatus;
import dev.berth.engine.runtime.ExecOptions;
import dev.berth.engine.volume.MountFlags;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Containers made by the wired engine from an imported busybox image, checked from inside and from the host. */
class EngineIT {

    private static final long MIB = 1024 * 1024;

    @RegisterExtension
    final EngineFixture fx = EngineFixture.withBusybox("bb");

    @Test
    void limits_areInTheContainersOwnCgroupFiles_seenFromInside() {
        String id = fx.run(RunRequest.builder("bb")
                .limits(new ContainerLimits(256 * MIB, 0, 500_000_000L, 100))
                .command("sh", "-c", "cd /sys/fs/cgroup; cat memory/memory.limit_in_bytes"
                        + " memory/memory.memsw.limit_in_bytes cpu/cpu.cfs_quota_us cpu/cpu.cfs_period_us"
                        + " pids/pids.max; grep -c . memory/cgroup.procs")
                .build());
        assertThat(fx.output(id)).isEqualTo("268435456\n536870912\n50000\n100000\n100\n1\n");
        assertThat(fx.engine.runtime().inspect(id).exitCode()).isZero();
    }

    @Test
    void sysFsCgroup_showsEveryV1HierarchyReadOnly_onAWritableTmpfs_asDockerDoes() throws Exception {
        List<String> hierarchies = Files.readAllLines(Path.of("/proc/self/mountinfo")).stream()
                .filter(l -> l.contains(" - cgroup ")).map(l -> l.split(" ")[4])
                .map(p -> p.substring(p.lastIndexOf('/') + 1)).sorted().toList();
        assertThat(hierarchies).as("this v1 host's hierarchies").contains("blkio", "systemd", "memory");
        String id = fx.run(RunRequest.builder("bb").command("sh", "-c",
                "grep ' /sys/fs/cgroup' /proc/mounts | cut -d' ' -f2,3,4 | cut -d, -f1 | sort;"
                        + " grep -c '^' /sys/fs/cgroup/systemd/cgroup.procs /sys/fs/cgroup/blkio/cgroup.procs")
                .build());
        StringBuilder expected = new StringBuilder("/sys/fs/cgroup tmpfs rw\n");
        hierarchies.forEach(h -> expected.append("/sys/fs/cgroup/").append(h).append(" cgroup ro\n"));
        expected.append("/sys/fs/cgroup/systemd/cgroup.procs:1\n/sys/fs/cgroup/blkio/cgroup.procs:1\n");
        assertThat(fx.output(id)).isEqualTo(expected.toString());
    }

    @Test
    void cgroup_isNamedAfterTheContainer_andRemovedWhenItEnds() {
        String id = fx.start(RunRequest.builder("bb").command("sleep", "1000").build());
        Path memory = fx.cgroupDir("memory", id);
        assertThat(memory.resolve("cgroup.procs")).exists();
        fx.engine.runtime().stop(id, Duration.ofSeconds(5));
        assertThat(memory).doesNotExist();
    }

    @Test
    void oomKill_isReported_withExit137() {
        String id = fx.run(RunRequest.builder("bb")
                .limits(new ContainerLimits(16 * MIB, 16 * MIB, 0, 0))
                .command("sh", "-c", "x=0123456789; while true; do x=$x$x; done").build());
        ContainerInspect inspect = fx.engine.runtime().inspect(id);
        assertThat(inspect.oomKilled()).isTrue();
        assertThat(inspect.exitCode()).isEqualTo(137);
    }

    @Test
    void user_byName_getsItsIdsGroupsAndHome() {
        String id = fx.run(RunRequest.builder("bb").user("user")
                .command("sh", "-c", "id; echo $HOME; grep CapEff /proc/self/status").build());
        assertThat(fx.output(id)).isEqualTo("uid=1000(user) gid=1000(user) groups=50(staff),1000(user)\n"
                + "/home/user\nCapEff:\t0000000000000000\n");
    }

    @Test
    void user_withGroupName_switchesGroup() {
        String id = fx.run(RunRequest.builder("bb").user("user:staff").command("id").build());
        assertThat(fx.output(id)).isEqualTo("uid=1000(user) gid=50(staff) groups=50(staff)\n");
    }

    @Test
    void unknownUser_isRefusedAtCreate() {
        assertThatThrownBy(() -> fx.engine.create(RunRequest.builder("bb").user("nobody").command("id").build()))
                .isInstanceOf(EngineException.class)
                .hasMessage("unable to find user nobody: no matching entries in passwd file");
        assertThat(fx.engine.runtime().list()).isEmpty();
    }

    @Test
    void importedImage_withoutCommand_isRefusedAsDockerDoes() {
        assertThatThrownBy(() -> fx.engine.create(RunRequest.builder("bb").build()))
                .isInstanceOf(EngineException.class).hasMessage("No command specified");
    }

    @Test
    void pauseAndUnpause_freezeTheProcesses() {
        String id = fx.start(RunRequest.builder("bb")
                .command("sh", "-c", "while true; do echo tick; sleep 0.01; done").build());
        fx.engine.runtime().pause(id);
        ContainerInspect paused = fx.engine.runtime().inspect(id);
        assertThat(paused.status()).isEqualTo(ContainerStatus.PAUSED);
        assertThat(paused.running()).isTrue();
        assertThat(paused.paused()).isTrue();
        assertThat(readTrimmed(fx.cgroupDir("freezer", id).resolve("freezer.state"))).isEqualTo("FROZEN");
        assertThat(processState(paused.pid())).isIn("D", "S");
        assertThatThrownBy(() -> fx.engine.runtime().exec(id, ExecOptions.of("true")))
                .isInstanceOf(EngineException.class)
                .hasMessage("Container " + id + " is paused, unpause the container before exec");
        assertThatThrownBy(() -> fx.engine.runtime().pause(id))
                .hasMessage("Container " + id + " is already paused");

        fx.engine.runtime().unpause(id);
        assertThat(fx.engine.runtime().inspect(id).status()).isEqualTo(ContainerStatus.RUNNING);
        assertThat(readTrimmed(fx.cgroupDir("freezer", id).resolve("freezer.state"))).isEqualTo("THAWED");
        int ticks = fx.output(id).split("tick").length;
        await("ticks after unpause", () -> fx.output(id).split("tick").length > ticks + 2);
        assertThat(fx.engine.runtime().exec(id, ExecOptions.of("true")).exitCode()).isZero();
    }

    @Test
    void stop_ofAPausedContainer_thawsItAndStops() {
        String id = fx.start(RunRequest.builder("bb").init(true).command("sleep", "1000").build());
        fx.engine.runtime().pause(id);
        fx.engine.runtime().stop(id, Duration.ofSeconds(5));
        ContainerInspect inspect = fx.engine.runtime().inspect(id);
        assertThat(inspect.status()).isEqualTo(ContainerStatus.EXITED);
        assertThat(inspect.exitCode()).isEqualTo(143);
    }

    @Test
    void namedVolume_isFilledFromTheImage_onFirstUse_andKeepsWrites() {
        String first = fx.run(RunRequest.builder("bb").mount(MountFlags.parseVolume("vol:/data"))
                .command("sh", "-c", "cat /data/seed.txt; echo written > /data/new.txt").build());
        assertThat(fx.output(first)).isEqualTo("from image\n");
        Path data = fx.engine.volumes().inspect("vol").mountpoint();
        assertThat(data.resolve("seed.txt")).hasContent("from image");
        String second = fx.run(RunRequest.builder("bb").mount(MountFlags.parseVolume("vol:/data:ro"))
                .command("sh", "-c", "cat /data/new.txt; touch /data/x").build());
        assertThat(fx.output(second)).isEqualTo("written\ntouch: /data/x: Read-only file system\n");
    }

    @Test
    void volumeRm_isRefusedWhileAContainerUsesIt() {
        String id = fx.engine.create(RunRequest.builder("bb").mount(MountFlags.parseVolume("kept:/data"))
                .command("true").build());
        assertThatThrownBy(() -> fx.engine.volumes().remove("kept", fx.engine.volumeUsage()))
                .isInstanceOf(EngineException.class)
                .hasMessage("remove kept: volume is in use - [" + id + "]");
        fx.engine.remove(id, false, true);
        assertThat(fx.engine.volumes().find("kept")).as("named volumes outlive the container").isPresent();
        fx.engine.volumes().remove("kept", fx.engine.volumeUsage());
    }

    @Test
    void anonymousVolume_isRemovedWithTheContainer() {
        String id = fx.run(RunRequest.builder("bb").mount(MountFlags.parseVolume("/scratch"))
                .command("sh", "-c", "echo x > /scratch/f").build());
        String volume = fx.engine.runtime().config(id).anonymousVolumes().getFirst();
        assertThat(fx.engine.volumes().inspect(volume).mountpoint().resolve("f")).hasContent("x");
        fx.engine.remove(id, false, true);
        assertThat(fx.engine.volumes().find(volume)).isEmpty();
    }

    @Test
    void bindMount_sourceIsCreatedWhenMissing_andTmpfsIsMounted() throws Exception {
        Path host = fx.base.resolve("made-by-run");
        String id = fx.run(RunRequest.builder("bb").mount(MountFlags.parseVolume(host + ":/host"))
                .mount(MountFlags.parseTmpfs("/scratch:size=1m")).readOnly(true)
                .command("sh", "-c", "echo hi > /host/f; grep ' /scratch ' /proc/self/mounts; touch /x").build());
        assertThat(host.resolve("f")).hasContent("hi");
        assertThat(fx.output(id)).isEqualTo("tmpfs /scratch tmpfs rw,nosuid,nodev,noexec,relatime,size=1024k 0 0\n"
                + "touch: /x: Read-only file system\n");
    }

    @Test
    void imageRm_isRefusedWhileAContainerUsesIt() throws Exception {
        String id = fx.engine.create(RunRequest.builder("bb").command("true").build());
        String imageId = fx.engine.imageStore().inspect("bb").id().shortHex();
        assertThatThrownBy(() -> fx.engine.imageStore().remove("bb", false))
                .isInstanceOf(EngineException.class)
                .hasMessage("conflict: unable to remove repository reference \"bb\" (must force) - container "
                        + id.substring(0, 12) + " is using its referenced image " + imageId);
        fx.engine.remove(id, false, true);
        fx.engine.imageStore().remove("bb", false);
    }

    @Test
    void env_hostname_andEtcFiles_areGenerated() {
        String id = fx.run(RunRequest.builder("bb").hostname("web").env("A=1").env("PATH=/bin")
                .command("sh", "-c", "echo $A $PATH $HOSTNAME $HOME; cat /etc/hostname; grep -c localhost /etc/hosts")
                .build());
        assertThat(fx.output(id)).isEqualTo("1 /bin web /root\nweb\n2\n");
    }

    private static String readTrimmed(Path file) {
        try {
            return Files.readString(file).strip();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String processState(long pid) {
        String stat = readTrimmed(Path.of("/proc/" + pid + "/stat"));
        return stat.substring(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    }
}
