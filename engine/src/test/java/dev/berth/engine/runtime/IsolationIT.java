package dev.berth.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.engine.runtime.launch.Mount;
import dev.berth.engine.runtime.launch.Rlimit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What a process sees from inside a container (reference/isolation.md section 1). */
class IsolationIT {

    @RegisterExtension
    final RuntimeFixture fx = new RuntimeFixture();

    private String output(CreateOptions.Builder options) {
        String id = fx.run(options.build());
        assertThat(fx.runtime.inspect(id).exitCode()).as(fx.output(id)).isZero();
        return fx.output(id);
    }

    @Test
    void command_isPid1_withParentPid0() {
        assertThat(output(fx.options("sh", "-c", "echo pid=$$; grep PPid /proc/1/status")))
                .isEqualTo("pid=1\nPPid:\t0\n");
    }

    @Test
    void hostname_isFirst12CharactersOfId_unlessGiven() {
        String id = fx.run(fx.options("sh", "-c", "hostname; echo $HOSTNAME").build());
        String short12 = id.substring(0, 12);
        assertThat(fx.output(id)).isEqualTo(short12 + "\n" + short12 + "\n");
        assertThat(output(fx.options("hostname").hostname("web-1"))).isEqualTo("web-1\n");
    }

    @Test
    void capabilities_areDockersDefaults_plusAddedMinusDropped() {
        String cmd = "grep -E '^Cap(Eff|Bnd|Inh|Amb)' /proc/self/status";
        assertThat(output(fx.options("sh", "-c", cmd)))
                .isEqualTo("CapInh:\t0000000000000000\nCapEff:\t00000000a80425fb\nCapBnd:\t00000000a80425fb\n"
                        + "CapAmb:\t0000000000000000\n");
        assertThat(output(fx.options("sh", "-c", "grep CapEff /proc/self/status").capAdd("NET_ADMIN")))
                .isEqualTo("CapEff:\t00000000a80435fb\n");
        assertThat(output(fx.options("sh", "-c", "grep CapEff /proc/self/status").capDrop("CAP_MKNOD")))
                .isEqualTo("CapEff:\t00000000a00425fb\n");
    }

    @Test
    void nonRootUser_endsWithNoEffectiveCapabilities() {
        assertThat(output(fx.options("sh", "-c", "id -u; id -g; grep -E 'CapEff|CapPrm' /proc/self/status; echo $HOME")
                .user(1000, 1000)))
                .isEqualTo("1000\n1000\nCapPrm:\t0000000000000000\nCapEff:\t0000000000000000\n/\n");
    }

    @Test
    void seccomp_isOn_andRefusesUserNamespaces() {
        String id = fx.run(fx.options("sh", "-c", "exec 2>&1; grep -E '^(Seccomp|NoNewPrivs):' /proc/self/status; unshare -U true")
                .build());
        assertThat(fx.runtime.inspect(id).exitCode()).isEqualTo(1);
        assertThat(fx.output(id)).isEqualTo("NoNewPrivs:\t0\nSeccomp:\t2\n"
                + "unshare: unshare(0x10000000): Operation not permitted\n");
    }

    @Test
    void initPid1_isConfinedLikeTheCommand_withItsCapabilitiesUserAndFilter() {
        String script = "for p in 1 self; do grep -E '^(Uid|CapEff|CapBnd|NoNewPrivs|Seccomp):' /proc/$p/status; done";
        String root = "Uid:\t0\t0\t0\t0\nCapEff:\t00000000a80425fb\nCapBnd:\t00000000a80425fb\nNoNewPrivs:\t0\n"
                + "Seccomp:\t2\n";
        assertThat(output(fx.options("sh", "-c", script).init(true))).isEqualTo(root + root);
        String user = "Uid:\t1000\t1000\t1000\t1000\nCapEff:\t0000000000000000\nCapBnd:\t00000000a80425fb\n"
                + "NoNewPrivs:\t1\nSeccomp:\t2\n";
        assertThat(output(fx.options("sh", "-c", script).init(true).user(1000, 1000)
                .securityOpt("no-new-privileges"))).isEqualTo(user + user);
    }

    @Test
    void seccompUnconfined_andNoNewPrivileges_areHonoured() {
        assertThat(output(fx.options("sh", "-c", "grep -E '^(Seccomp|NoNewPrivs):' /proc/self/status")
                .securityOpt("seccomp=unconfined").securityOpt("no-new-privileges:true")))
                .isEqualTo("NoNewPrivs:\t1\nSeccomp:\t0\n");
    }

    @Test
    void privileged_keepsEveryHostCapability_withoutSeccomp() throws Exception {
        String host = Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(l -> l.startsWith("CapBnd:")).findFirst().orElseThrow().substring(7).trim();
        assertThat(output(fx.options("sh", "-c", "grep -E '^(CapEff|Seccomp):' /proc/self/status; wc -c < /proc/keys")
                .privileged(true)))
                .startsWith("CapEff:\t" + host + "\nSeccomp:\t0\n")
                .doesNotEndWith("\n0\n");
    }

    @Test
    void maskedPaths_readEmpty_andReadOnlyPaths_refuseWrites() throws Exception {
        // /proc/kcore and /proc/sysrq-trigger do not exist on every kernel: check the ones this host has
        String script = "exec 2>&1; for f in /proc/keys /proc/timer_list /proc/interrupts; do echo $f $(wc -c < $f); done;"
                + " echo acpi $(ls /proc/acpi | wc -l) firmware $(ls /sys/firmware | wc -l);"
                + " touch /sys/firmware/x || true; echo 1 > /proc/sys/kernel/ns_last_pid || true;"
                + " grep -c ' /proc/\\(bus\\|fs\\|irq\\|sys\\) .* ro,' /proc/mounts";
        assertThat(Files.readString(Path.of("/proc/interrupts"))).isNotEmpty();
        assertThat(output(fx.options("sh", "-c", script))).isEqualTo(
                "/proc/keys 0\n/proc/timer_list 0\n/proc/interrupts 0\nacpi 0 firmware 0\n"
                        + "touch: /sys/firmware/x: Read-only file system\n"
                        + "sh: can't create /proc/sys/kernel/ns_last_pid: Read-only file system\n"
                        + "4\n");
    }

    @Test
    void nofile_is1024Soft_and524288HardCappedAtTheHost_unlessUlimitsSayOtherwise() {
        long hard = Math.min(524288, LinuxDefaults.hostNofileHard());
        assertThat(output(fx.options("sh", "-c", "ulimit -n; ulimit -Hn"))).isEqualTo("1024\n" + hard + "\n");
        assertThat(output(fx.options("sh", "-c", "ulimit -n; ulimit -Hn").ulimit(Rlimit.parse("nofile=100:200"))))
                .isEqualTo("100\n200\n");
    }

    @Test
    void environment_cwdAndUmask_followDocker() {
        assertThat(output(fx.options("sh", "-c", "env | sort; pwd; umask").env("FOO=bar").workingDir("/work/dir")
                .hostname("h")))
                .isEqualTo("FOO=bar\nHOME=/root\nHOSTNAME=h\nPATH=" + LinuxDefaults.PATH + "\nPWD=/work/dir\nSHLVL=1\n"
                        + "/work/dir\n0022\n");
    }

    @Test
    void mounts_readOnlyRoot_bindsAndTmpfs_andDefaultFilesystems() throws Exception {
        Path host = Files.createDirectories(fx.base.resolve("host"));
        Files.writeString(host.resolve("f"), "from host\n");
        String script = "exec 2>&1; cat /data/f; touch /data/g || true; touch /x || true; touch /run/ok && echo tmpfs-ok;"
                + " grep -E ' /(proc|dev|dev/pts|dev/shm|dev/mqueue|sys|sys/fs/cgroup) ' /proc/mounts | cut -d' ' -f2,3,4";
        assertThat(output(fx.options("sh", "-c", script).readOnlyRoot(true)
                .mount(new Mount.Bind(host, "/data", true)).tmpfs("/run", "size=1m")))
                .isEqualTo("from host\ntouch: /data/g: Read-only file system\ntouch: /x: Read-only file system\n"
                        + "tmpfs-ok\n"
                        + "/proc proc rw,nosuid,nodev,noexec,relatime\n"
                        + "/dev tmpfs rw,nosuid,size=65536k,mode=755\n"
                        + "/dev/pts devpts rw,nosuid,noexec,relatime,gid=5,mode=620,ptmxmode=666\n"
                        + "/dev/shm tmpfs rw,nosuid,nodev,noexec,relatime,size=65536k\n"
                        + "/dev/mqueue mqueue rw,nosuid,nodev,noexec,relatime\n"
                        + "/sys sysfs ro,nosuid,nodev,noexec,relatime\n"
                        + "/sys/fs/cgroup tmpfs rw,nosuid,nodev,noexec,relatime,mode=755\n");
        assertThat(Files.exists(host.resolve("g"))).isFalse();
    }

    @Test
    void strayDescriptors_areClosed_andTheSessionIsNew() {
        assertThat(output(fx.options("sh", "-c", "ls /proc/self/fd; ps -o pid,sid | sed -n 2p | tr -s ' '")))
                .isEqualTo("0\n1\n2\n3\n 1 1\n");
    }

    @Test
    void dev_holdsDockersNodesAndLinks() {
        String core = Files.exists(Path.of("/proc/kcore")) ? "core -> /proc/kcore\n" : "";
        assertThat(output(fx.options("sh", "-c",
                "cd /dev; for f in *; do if [ -L $f ]; then echo \"$f -> $(readlink $f)\"; "
                        + "elif [ -c $f ]; then echo \"$f $(stat -c '%t:%T %a' $f)\"; else echo \"$f dir\"; fi; done")))
                .isEqualTo(core + "fd -> /proc/self/fd\nfull 1:7 666\nmqueue dir\nnull 1:3 666\nptmx -> pts/ptmx\n"
                        + "pts dir\nrandom 1:8 666\nshm dir\nstderr -> /proc/self/fd/2\nstdin -> /proc/self/fd/0\n"
                        + "stdout -> /proc/self/fd/1\ntty 5:0 666\nurandom 1:9 666\nzero 1:5 666\n");
    }

    @Test
    void namespacedSysctls_areSetAsDocker() {
        assertThat(output(fx.options("sh", "-c",
                "cat /proc/sys/net/ipv4/ip_unprivileged_port_start /proc/sys/net/ipv4/ping_group_range; ip -o link | cut -d: -f2")))
                .isEqualTo("0\n0\t2147483647\n lo\n");
    }

    @Test
    void containerWrites_landInItsUpperLayer_notInTheImageLayer() {
        String id = fx.run(fx.options("sh", "-c", "echo hi > /tmp/new").build());
        assertThat(fx.dataRoot.resolve("containers/" + id + "/upper/tmp/new")).hasContent("hi");
        assertThat(fx.layer.resolve("tmp/new")).doesNotExist();
        assertThat(List.of(fx.runtime.inspect(id).exitCode())).containsExactly(0);
    }
}
