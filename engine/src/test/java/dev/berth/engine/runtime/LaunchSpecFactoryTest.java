package dev.berth.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.engine.runtime.launch.LaunchSpec;
import dev.berth.engine.runtime.launch.Mount;
import dev.berth.engine.runtime.launch.ProcessPrivileges;
import dev.berth.engine.runtime.launch.Rlimit;
import dev.berth.engine.runtime.launch.SpecWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LaunchSpecFactoryTest {

    private static final String ID = "0123456789abcdef".repeat(4);

    @TempDir
    Path data;

    private LaunchSpec spec(CreateOptions.Builder b) {
        return LaunchSpecFactory.launch(ID, new ContainerStore(data), b.build(), List.of(), java.util.Map.of(), List.of());
    }

    private CreateOptions.Builder options() {
        return CreateOptions.builder(List.of(Path.of("/layers/base"), Path.of("/layers/app"))).command("sh");
    }

    @Test
    void defaults_areDockers() {
        LaunchSpec s = spec(options());
        assertThat(s.hostname()).isEqualTo("0123456789ab");
        assertThat(s.env()).containsExactly("PATH=" + LinuxDefaults.PATH, "HOSTNAME=0123456789ab", "HOME=/root");
        assertThat(s.cwd()).isEqualTo("/");
        assertThat(s.privileges().seccomp()).isTrue();
        assertThat(s.privileges().noNewPrivs()).isFalse();
        assertThat(s.shmSize()).isEqualTo(64L * 1024 * 1024);
        assertThat(s.rlimits()).containsExactly(new Rlimit("nofile", 1024, Math.min(524288, LinuxDefaults.hostNofileHard())));
        assertThat(s.sysctls()).containsEntry("net.ipv4.ip_unprivileged_port_start", "0")
                .containsEntry("net.ipv4.ping_group_range", "0 2147483647");
        assertThat(s.maskedPaths()).startsWith("/proc/acpi", "/proc/asound", "/proc/interrupts");
        assertThat(s.readOnlyPaths()).containsExactly("/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys",
                "/proc/sysrq-trigger");
        assertThat(s.lowerDirs()).containsExactly(Path.of("/layers/app"), Path.of("/layers/base"));
        assertThat(s.logFile()).isEqualTo(data.resolve("containers/" + ID + "/" + ID + "-json.log"));
    }

    @Test
    void userEnv_overridesInPlace_andImagePathWins() {
        LaunchSpec s = spec(options().env("PATH=/bin").env("HOSTNAME=x").env("A=1").user(1000, 1000));
        assertThat(s.env()).containsExactly("HOSTNAME=x", "PATH=/bin", "A=1", "HOME=/");
    }

    @Test
    void entrypointComesBeforeCommand_andNoCommandIsRefused() {
        assertThat(spec(options().entrypoint("/init", "--").command("run")).argv()).containsExactly("/init", "--", "run");
        assertThatThrownBy(() -> spec(CreateOptions.builder(List.of()))).hasMessage("cannot start container " + ID
                + ": no command specified (give a command or an image with Cmd or Entrypoint)");
    }

    @Test
    void privileged_dropsMasksReadOnlyPathsAndSeccomp() {
        LaunchSpec s = spec(options().privileged(true));
        assertThat(s.maskedPaths()).isEmpty();
        assertThat(s.readOnlyPaths()).isEmpty();
        assertThat(s.privileges().seccomp()).isFalse();
        assertThat(s.privileges().capabilities()).hasSize(41);
    }

    @Test
    void securityOptions_andUnsupportedProfile() {
        LaunchSpec s = spec(options().securityOpt("seccomp=unconfined").securityOpt("no-new-privileges"));
        assertThat(s.privileges().seccomp()).isFalse();
        assertThat(s.privileges().noNewPrivs()).isTrue();
    }

    @Test
    void aSeccompProfileFile_isRefusedAtCreate_sayingThatProfilesAreNotLoadedYet() {
        assertThatThrownBy(() -> LaunchSpecFactory.validate(ID, options().securityOpt("seccomp=/etc/profile.json")
                .build())).hasMessage("security option \"seccomp=/etc/profile.json\" is not supported: berth does not"
                + " load seccomp profile files yet: leave the option out to use berth's built-in filter, or give"
                + " seccomp=unconfined to run without one");
    }

    @Test
    void anEnvironmentOverArgMax_isRefusedAtCreate_namingTheLimit() {
        CreateOptions.Builder huge = options();
        for (int i = 0; i < 20_000; i++) {
            huge.env("VARIABLE_" + i + "=" + "x".repeat(100));
        }

        assertThatThrownBy(() -> LaunchSpecFactory.validate(ID, huge.name("web").ulimit(Rlimit.parse("stack=8388608")).build()))
                .hasMessageStartingWith("cannot create container web: the command line and environment"
                        + " (1 argument, 20003 environment entries) are ")
                .hasMessageContaining(" bytes, more than the kernel's limit ARG_MAX of 2097152 bytes");
    }

    @Test
    void tmpfs_getsDockersDefaultFlags_andSpecEncodesMountsInOrder() {
        LaunchSpec s = spec(options().mount(new Mount.Bind(Path.of("/srv"), "/data", true)).tmpfs("/run", "size=1m"));
        assertThat(s.mounts()).containsExactly(new Mount.Bind(Path.of("/srv"), "/data", true),
                new Mount.Tmpfs("/run", List.of("nosuid", "nodev", "noexec", "size=1m")));
        Map<String, String> records = SpecWriter.decode(SpecWriter.launch(s));
        assertThat(records).containsEntry("mount.type", "bind\0tmpfs")
                .containsEntry("mount.dst", "/data\0/run")
                .containsEntry("mount.opts", "ro\0nosuid,nodev,noexec,size=1m")
                .containsEntry("lower", "/layers/app\0/layers/base")
                .containsEntry("arg", "sh");
    }

    @Test
    void exec_sharesTheContainersPrivileges_unlessItAsksForItsOwn() {
        CreateOptions container = options().user(1000, 1000).extraGids(List.of(50))
                .securityOpt("no-new-privileges").build();
        ProcessPrivileges inherited = LaunchSpecFactory.exec(ID, 42, 41, container, ExecOptions.of("id"), List.of())
                .privileges();
        ProcessPrivileges own = LaunchSpecFactory.exec(ID, 42, 41, container,
                new ExecOptions(List.of("id"), List.of(), null, 0, 0, true), List.of()).privileges();

        assertThat(inherited).isEqualTo(spec(options().user(1000, 1000).extraGids(List.of(50))
                .securityOpt("no-new-privileges")).privileges());
        assertThat(own.uid()).isZero();
        assertThat(own.extraGids()).as("an exec user gets no container groups").isEmpty();
        assertThat(own.capabilities()).hasSize(41);
        assertThat(own.seccomp()).isFalse();
        assertThat(own.noNewPrivs()).isTrue();
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "bogus                 | invalid --security-opt 1: \"bogus\"",
            "foo=bar               | invalid --security-opt 2: \"foo=bar\"",
            "no-new-privileges=yes | invalid --security-opt 2: \"no-new-privileges=yes\"",
            "apparmor=docker-default | security option \"apparmor=docker-default\" is not supported: berth applies"
                    + " no AppArmor profile; leave the option out or give apparmor=unconfined",
            "label=type:svirt_t    | security option \"label=type:svirt_t\" is not supported: berth applies no"
                    + " SELinux label; leave the option out or give label=disable",
            "writable-cgroups=true | security option \"writable-cgroups=true\" is not supported: berth mounts the"
                    + " cgroup hierarchies read-only"})
    void validate_refusesASecurityOptionBerthCannotHonour(String opt, String message) {
        assertThatThrownBy(() -> LaunchSpecFactory.validate(ID, options().securityOpt(opt).build()))
                .hasMessage(message);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"no-new-privileges", "no-new-privileges=false",
            "no-new-privileges:true", "apparmor=unconfined", "label=disable", "disable", "seccomp=unconfined",
            "writable-cgroups=false"})
    void validate_acceptsTheSecurityOptionsBerthHonours(String opt) {
        org.assertj.core.api.Assertions.assertThatCode(
                () -> LaunchSpecFactory.validate(ID, options().securityOpt(opt).build())).doesNotThrowAnyException();
    }
}
