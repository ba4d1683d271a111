package dev.berth.engine.runtime;

import static dev.berth.engine.runtime.SeccompProgram.AUDIT_ARCH_AARCH64;
import static dev.berth.engine.runtime.SeccompProgram.AUDIT_ARCH_I386;
import static dev.berth.engine.runtime.SeccompProgram.AUDIT_ARCH_X86_64;
import static dev.berth.engine.runtime.SeccompProgram.ENOSYS;
import static dev.berth.engine.runtime.SeccompProgram.EPERM;
import static dev.berth.engine.runtime.SeccompProgram.RET_ALLOW;
import static dev.berth.engine.runtime.SeccompProgram.RET_KILL_PROCESS;
import static dev.berth.engine.runtime.SeccompProgram.X32;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.engine.core.EngineException;
import dev.berth.engine.testing.HostCommand;
import dev.berth.engine.testing.StaticProbe;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The launcher's seccomp filter seen from inside containers, with a static probe for the calls
 * busybox has no applet for (reference/isolation.md section 1.3), and its program read back from a
 * running container for the ABIs this host may not run (i386, x32).
 */
class SeccompIT {

    private static final int CLONE_NEWUSER = 0x10000000;
    private static final int CLONE_NEWNS = 0x00020000;
    private static final int SIGCHLD = 17;

    @RegisterExtension
    final RuntimeFixture fx = new RuntimeFixture();

    private String probe(CreateOptions.Builder options) throws Exception {
        StaticProbe.build("seccomp/syscall-probe.c", fx.layer.resolve("bin/syscall-probe"));
        String id = fx.run(options.build());
        assertThat(fx.runtime.inspect(id).exitCode()).as(fx.output(id)).isZero();
        return fx.output(id);
    }

    @Test
    void keyctlAndBpf_areRefusedWithEperm_andClone3WithEnosys() throws Exception {
        assertThat(probe(fx.options("syscall-probe", "keyctl", "bpf", "clone3", "getpid")))
                .isEqualTo("keyctl EPERM\nbpf EPERM\nclone3 ENOSYS\ngetpid ok\n");
    }

    @Test
    void capAddSysAdmin_allowsUnshareAndBpf_asDockersProfileDoes() throws Exception {
        assertThat(probe(fx.options("sh", "-c", "unshare -U true && echo unshared; syscall-probe bpf keyctl")
                .capAdd("SYS_ADMIN")))
                .as("bpf reaches the kernel, which refuses the unknown command; keyrings stay refused")
                .isEqualTo("unshared\nbpf EINVAL\nkeyctl EPERM\n");
    }

    @Test
    void seccompUnconfined_allowsWhatTheFilterRefuses() throws Exception {
        assertThat(probe(fx.options("sh", "-c", "grep Seccomp: /proc/self/status; unshare -U true && echo unshared;"
                + " syscall-probe keyctl clone3").securityOpt("seccomp=unconfined")))
                .isEqualTo("Seccomp:\t0\nunshared\nkeyctl ok\nclone3 EINVAL\n");
    }

    @Test
    void aSeccompProfileFile_isRefusedAtCreate_andNoContainerIsMade() {
        assertThatThrownBy(() -> fx.runtime.create(fx.options("true").securityOpt("seccomp=/etc/profile.json").build()))
                .isInstanceOf(EngineException.class)
                .hasMessage("security option \"seccomp=/etc/profile.json\" is not supported: berth does not load"
                        + " seccomp profile files yet: leave the option out to use berth's built-in filter, or give"
                        + " seccomp=unconfined to run without one");
        assertThat(fx.runtime.list()).isEmpty();
    }

    @Test
    void theFilter_appliesTheSameDenylistToI386AndX32_andKillsOtherAbis() throws Exception {
        Path dump = StaticProbe.build("seccomp/filter-dump.c", fx.base.resolve("filter-dump"));
        String id = fx.runtime.create(fx.options("sleep", "1000").build());
        fx.runtime.start(id);
        SeccompProgram filter = SeccompProgram.parse(
                HostCommand.run(dump.toString(), Long.toString(fx.runtime.inspect(id).pid())));

        // x86_64 (syscall_64.tbl): keyctl 250, bpf 321, clone3 435, unshare 272, getpid 39
        assertThat(filter.evaluate(AUDIT_ARCH_X86_64, 250, 0)).isEqualTo(EPERM);
        assertThat(filter.evaluate(AUDIT_ARCH_X86_64, 321, 0)).isEqualTo(EPERM);
        assertThat(filter.evaluate(AUDIT_ARCH_X86_64, 435, 0)).isEqualTo(ENOSYS);
        assertThat(filter.evaluate(AUDIT_ARCH_X86_64, 272, CLONE_NEWUSER)).isEqualTo(EPERM);
        assertThat(filter.evaluate(AUDIT_ARCH_X86_64, 39, 0)).isEqualTo(RET_ALLOW);
        // x32: the x86_64 arch with __X32_SYSCALL_BIT, numbered as x86_64 but kexec_load is 528
        assertThat(filter.evaluate(AUDIT_ARCH_X86_64, X32 | 250, 0)).isEqualTo(EPERM);
        assertThat(filter.evaluate(AUDIT_ARCH_X86_64, X32 | 528, 0)).isEqualTo(EPERM);
        assertThat(filter.evaluate(AUDIT_ARCH_X86_64, X32 | 435, 0)).isEqualTo(ENOSYS);
        assertThat(filter.evaluate(AUDIT_ARCH_X86_64, X32 | 56, CLONE_NEWNS | SIGCHLD)).isEqualTo(EPERM);
        assertThat(filter.evaluate(AUDIT_ARCH_X86_64, X32 | 56, SIGCHLD)).isEqualTo(RET_ALLOW);
        assertThat(filter.evaluate(AUDIT_ARCH_X86_64, X32 | 39, 0)).isEqualTo(RET_ALLOW);
        // i386 (syscall_32.tbl): keyctl 288, bpf 357, clone3 435, unshare 310, clone 120, getpid 20
        assertThat(filter.evaluate(AUDIT_ARCH_I386, 288, 0)).isEqualTo(EPERM);
        assertThat(filter.evaluate(AUDIT_ARCH_I386, 357, 0)).isEqualTo(EPERM);
        assertThat(filter.evaluate(AUDIT_ARCH_I386, 435, 0)).isEqualTo(ENOSYS);
        assertThat(filter.evaluate(AUDIT_ARCH_I386, 310, CLONE_NEWUSER)).isEqualTo(EPERM);
        assertThat(filter.evaluate(AUDIT_ARCH_I386, 120, SIGCHLD)).isEqualTo(RET_ALLOW);
        assertThat(filter.evaluate(AUDIT_ARCH_I386, 20, 0)).isEqualTo(RET_ALLOW);
        // x86_64 keyctl's number is another call on i386 (it is not refused there by mistake)
        assertThat(filter.evaluate(AUDIT_ARCH_I386, 250, 0)).isEqualTo(RET_ALLOW);
        assertThat(filter.evaluate(AUDIT_ARCH_AARCH64, 20, 0)).isEqualTo(RET_KILL_PROCESS);
    }
}
