package dev.berth.engine.runtime.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SpecWriterTest {

    private ExecSpec exec(List<String> argv) {
        return new ExecSpec(42, 41, argv, List.of("A=1"), "/",
                new ProcessPrivileges(0, 0, List.of(10), Set.of(5, 0), false, true, false), List.of(new Rlimit("nofile", 1024, 2048)), List.of(Path.of("/cg/cgroup.procs")), false, 0, 0);
    }

    @Test
    void exec_isKeyNulValueNul_inAFixedOrder() {
        String text = new String(SpecWriter.exec(exec(List.of("sh", "-c", "echo hi"))), StandardCharsets.UTF_8);
        assertThat(text).isEqualTo(String.join("\0", "pid", "42", "monitor", "41",
                "arg", "sh", "arg", "-c", "arg", "echo hi",
                "env", "A=1", "cwd", "/", "uid", "0", "gid", "0", "group", "10", "cap", "0", "cap", "5",
                "privileged", "0", "seccomp", "1", "nnp", "0", "rlimit", "7 1024 2048",
                "cgroup-procs", "/cg/cgroup.procs") + "\0");
    }

    @Test
    void execWithATty_namesItsControlFifo() {
        ExecSpec plain = exec(List.of("sh"));
        ExecSpec tty = new ExecSpec(plain.initPid(), plain.monitorPid(), plain.argv(), plain.env(), plain.cwd(),
                plain.privileges(), plain.rlimits(), plain.cgroupProcs(), true, 24, 80);
        assertThat(SpecWriter.decode(SpecWriter.exec(tty, Path.of("/state/exec-1.ctl"))))
                .containsEntry("tty", "1").containsEntry("control", "/state/exec-1.ctl").containsEntry("tty-size", "24 80");
        assertThat(SpecWriter.decode(SpecWriter.exec(plain))).doesNotContainKeys("tty", "control");
    }

    @Test
    void aNulByteInAValue_isRefused() {
        assertThatThrownBy(() -> SpecWriter.exec(exec(List.of("a\0b"))))
                .hasMessage("launch spec value of arg contains a NUL byte: a?b");
    }
}
