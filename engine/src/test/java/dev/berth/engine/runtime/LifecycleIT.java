package dev.berth.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.engine.core.EngineException;
import dev.berth.engine.runtime.launch.ExecResult;
import dev.berth.engine.runtime.launch.ExecSpec;
import dev.berth.engine.runtime.launch.LaunchFailedException;
import dev.berth.engine.runtime.launch.Launcher;
import dev.berth.engine.runtime.launch.LauncherBinary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Exit codes, signals, stop, init, exec and removal. */
class LifecycleIT {

    private static final String TRAP_TERM =
            "trap 'echo got TERM; exit 3' TERM; echo ready; while true; do sleep 0.05; done";

    @RegisterExtension
    final RuntimeFixture fx = new RuntimeFixture();

    private String started(CreateOptions.Builder options) {
        String id = fx.runtime.create(options.build());
        fx.runtime.start(id);
        return id;
    }

    private void awaitLog(String id, String text) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!fx.output(id).contains(text)) {
            assertThat(System.nanoTime()).as("log of %s never contained %s", id, text).isLessThan(deadline);
            LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
        }
    }

    @Test
    void exitCodes_areTheCommands() {
        assertThat(fx.runtime.inspect(fx.run(fx.options("true").build())).exitCode()).isZero();
        String seven = fx.run(fx.options("sh", "-c", "exit 7").build());
        ContainerInspect inspect = fx.runtime.inspect(seven);
        assertThat(inspect.status()).isEqualTo(ContainerStatus.EXITED);
        assertThat(inspect.exitCode()).isEqualTo(7);
        assertThat(inspect.finishedAt()).isNotNull();
    }

    @Test
    void anExitStatusTheMonitorCannotRecord_showsTheContainerExited_withTheCodeUnknown() throws Exception {
        String id = fx.runtime.create(fx.options("sh", "-c", "exit 7").build());
        // exit.json is written through exit.json.tmp: a folder there makes that write fail
        Path exit = fx.dataRoot.resolve("containers/" + id + "/exit.json");
        Files.createDirectory(exit.resolveSibling("exit.json.tmp"));
        fx.runtime.start(id);

        assertThat(fx.runtime.waitFor(id)).isEqualTo(255);
        ContainerInspect inspect = fx.runtime.inspect(id);
        assertThat(inspect.status()).isEqualTo(ContainerStatus.EXITED);
        assertThat(inspect.error()).matches("the monitor \\(PID \\d+\\) ended without recording an exit status in "
                + exit.toString().replace(".", "\\.") + ", so the exit code is unknown: it was killed, or it could"
                + " not write there \\(is the data root full or read-only\\?\\)");
    }

    @Test
    void commandNotFound_is127_andNotExecutable_is126() {
        String missing = fx.runtime.create(fx.options("no-such-command").build());
        assertThatThrownBy(() -> fx.runtime.start(missing))
                .isInstanceOf(LaunchFailedException.class)
                .hasMessage("cannot start container " + missing
                        + ": exec: \"no-such-command\": executable file not found in $PATH");
        assertThat(fx.runtime.waitFor(missing)).isEqualTo(127);

        String dir = fx.runtime.create(fx.options("/etc").build());
        assertThatThrownBy(() -> fx.runtime.start(dir))
                .isInstanceOf(LaunchFailedException.class)
                .hasMessage("cannot start container " + dir + ": exec: \"/etc\": permission denied");
        ContainerInspect inspect = fx.runtime.inspect(dir);
        assertThat(inspect.exitCode()).isEqualTo(126);
        assertThat(inspect.error()).isEqualTo("exec: \"/etc\": permission denied");
    }

    @Test
    void kill_withSigkill_gives137() {
        String id = started(fx.options("sleep", "1000"));
        assertThat(fx.runtime.inspect(id).running()).isTrue();
        fx.runtime.kill(id, 9);
        assertThat(fx.runtime.waitFor(id)).isEqualTo(137);
    }

    @Test
    void stop_sendsTheStopSignal_whichTheCommandHandles() {
        String id = started(fx.options("sh", "-c", TRAP_TERM));
        awaitLog(id, "ready\n");
        fx.runtime.stop(id, Duration.ofSeconds(30));
        assertThat(fx.runtime.inspect(id).exitCode()).isEqualTo(3);
        assertThat(fx.output(id)).isEqualTo("ready\ngot TERM\n");
    }

    @Test
    void stop_usesTheConfiguredStopSignal() {
        String id = started(fx.options("sh", "-c",
                "trap 'echo got USR1; exit 4' USR1; echo ready; while true; do sleep 0.05; done").stopSignal(10));
        awaitLog(id, "ready\n");
        fx.runtime.stop(id, Duration.ofSeconds(30));
        assertThat(fx.runtime.inspect(id).exitCode()).isEqualTo(4);
    }

    @Test
    void stop_escalatesToSigkill_afterTheGracePeriod_whenPid1IgnoresTheSignal() {
        String id = started(fx.options("sleep", "1000"));
        fx.runtime.stop(id, Duration.ofMillis(300));
        assertThat(fx.runtime.inspect(id).exitCode()).isEqualTo(137);
    }

    @Test
    void stop_withInit_forwardsTheSignal_andGives143() {
        String id = started(fx.options("sleep", "1000").init(true));
        fx.runtime.stop(id, Duration.ofSeconds(30));
        assertThat(fx.runtime.inspect(id).exitCode()).isEqualTo(143);
    }

    @Test
    void init_reapsOrphanedZombies_andIsPid1() {
        String script = "sh -c 'sleep 0.01 & echo $! > /tmp/orphan'; p=$(cat /tmp/orphan);"
                + " i=0; while [ -e /proc/$p ] && [ $i -lt 400 ]; do sleep 0.05; i=$((i+1)); done;"
                + " if [ -e /proc/$p ]; then echo zombie; else echo reaped; fi; echo pid=$$; cat /proc/1/comm";
        String id = fx.run(fx.options("sh", "-c", script).init(true).build());
        assertThat(fx.output(id)).isEqualTo("reaped\npid=2\nberth-launch\n");
    }

    @Test
    void aNonRootContainer_withOrWithoutInit_endsWhenItsMonitorIsKilled() {
        // a change of user clears the parent-death signal: the launcher must arm it again
        for (boolean init : List.of(false, true)) {
            String id = started(fx.options("sleep", "1000").user(1000, 1000).init(init));
            long initPid = fx.runtime.inspect(id).pid();
            long initStart = Syscalls.startTime(initPid).orElseThrow();
            long monitor = Syscalls.parentPid(initPid).orElseThrow();
            ProcessHandle.of(monitor).orElseThrow().destroyForcibly();

            assertThat(Syscalls.awaitExit(initPid, initStart, 10_000)).as("init %s, PID 1 gone", init).isTrue();
        }
    }

    @Test
    void exec_runsInTheContainer_withItsOwnExitCodeAndOutput() {
        String id = started(fx.options("sleep", "1000").hostname("box").env("A=1"));
        ExecResult r = fx.runtime.exec(id, ExecOptions.of("sh", "-c",
                "hostname; cat /proc/1/cmdline; echo; echo $A; grep CapEff /proc/self/status; echo oops >&2; exit 5"));
        assertThat(r).isEqualTo(new ExecResult(5, "box\nsleep\u00001000\u0000\n1\nCapEff:\t00000000a80425fb\n",
                "oops\n"));
        ExecResult user = fx.runtime.exec(id, new ExecOptions(List.of("sh", "-c", "id -u; pwd; echo $B"),
                List.of("B=2"), "/tmp", 1000, 1000, false));
        assertThat(user).isEqualTo(new ExecResult(0, "1000\n/tmp\n2\n", ""));
        assertThat(fx.runtime.exec(id, ExecOptions.of("no-such")).exitCode()).isEqualTo(127);
    }

    @Test
    void exec_isRefused_whenTheInitPidNowBelongsToAHostProcessOfAnotherParent() throws Exception {
        String id = started(fx.options("sleep", "1000"));
        long monitor = Syscalls.parentPid(fx.runtime.inspect(id).pid()).orElseThrow();
        CreateOptions config = new ContainerStore(fx.dataRoot).config(id);
        Process reuser = new ProcessBuilder("sleep", "300").start();
        try {
            ExecSpec spec = LaunchSpecFactory.exec(id, reuser.pid(), monitor, config, ExecOptions.of("true"),
                    List.of());

            ExecResult r = new Launcher(LauncherBinary.locate()).exec(spec, fx.base);

            assertThat(r).isEqualTo(new ExecResult(128, "", "berth-launch: PID " + reuser.pid()
                    + " is no longer the container's init (its parent is not the monitor " + monitor
                    + "): is the container still running?\n"));
        } finally {
            reuser.destroyForcibly().waitFor();
        }
    }

    @Test
    void remove_refusesARunningContainer_unlessForced() {
        String id = started(fx.options("sleep", "1000"));
        assertThatThrownBy(() -> fx.runtime.remove(id, false))
                .isInstanceOf(EngineException.class)
                .hasMessage("You cannot remove a running container " + id
                        + ". Stop the container before attempting removal or force remove");
        fx.runtime.remove(id, true);
        assertThat(fx.runtime.list()).isEmpty();
        assertThat(fx.dataRoot.resolve("containers/" + id)).doesNotExist();
    }

    @Test
    void names_areUnique_andResolveLikeIds() {
        String id = fx.runtime.create(fx.options("true").name("web").build());
        assertThatThrownBy(() -> fx.runtime.create(fx.options("true").name("web").build()))
                .isInstanceOf(NameConflictException.class)
                .hasMessage("Conflict. The container name \"/web\" is already in use by container \"" + id
                        + "\". You have to remove (or rename) that container to be able to reuse that name.");
        assertThat(fx.runtime.inspect("web").id()).isEqualTo(id).hasSize(64).matches("[0-9a-f]{64}");
        assertThat(fx.runtime.inspect("web").status()).isEqualTo(ContainerStatus.CREATED);
        assertThatThrownBy(() -> fx.runtime.inspect("nope")).hasMessage("No such container: nope");
    }
}
