package dev.berth.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Signals reach a container's PID 1 only while that PID still belongs to the child of the recorded
 * monitor. The test plays the monitor itself (this JVM) and uses plain host processes as inits, so
 * it can stage the reused-PID case: a process holding the PID whose parent is not the monitor.
 */
class InitSignallerIT {

    private static final int SIGTERM = 15;

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopStartedProcesses() throws InterruptedException {
        for (Process p : started) {
            p.destroyForcibly();
            p.waitFor();
        }
    }

    @Test
    void signal_isDelivered_whenThePidIsStillTheMonitorsChild() throws Exception {
        Process init = sleeper();
        long monitor = ProcessHandle.current().pid();

        int errno = InitSignaller.signal(init.pid(), monitor, startTime(monitor), SIGTERM);

        assertThat(errno).isZero();
        assertThat(init.waitFor(30, TimeUnit.SECONDS)).as("init ended by the signal").isTrue();
        assertThat(init.exitValue()).isEqualTo(128 + SIGTERM);
    }

    @Test
    void signal_leavesTheProcessAlone_whenThePidNowBelongsToAProcessOfAnotherParent() throws Exception {
        Process recordedMonitor = sleeper();
        Process reuser = sleeper();

        int errno = InitSignaller.signal(reuser.pid(), recordedMonitor.pid(), startTime(recordedMonitor.pid()),
                SIGTERM);

        assertThat(errno).isEqualTo(Syscalls.ESRCH);
        assertThat(Syscalls.isAlive(reuser.pid(), startTime(reuser.pid()))).isTrue();
    }

    @Test
    void signal_leavesTheProcessAlone_whenTheMonitorPidIsHeldByAnotherProcess() throws Exception {
        Process init = sleeper();
        long monitor = ProcessHandle.current().pid();

        int errno = InitSignaller.signal(init.pid(), monitor, startTime(monitor) + 1, SIGTERM);

        assertThat(errno).isEqualTo(Syscalls.ESRCH);
        assertThat(Syscalls.isAlive(init.pid(), startTime(init.pid()))).isTrue();
    }

    @Test
    void signal_reportsNoSuchProcess_whenTheInitHasExited() throws Exception {
        Process init = new ProcessBuilder("true").start();
        long pid = init.pid();
        long monitor = ProcessHandle.current().pid();
        assertThat(init.waitFor(30, TimeUnit.SECONDS)).isTrue();

        assertThat(InitSignaller.signal(pid, monitor, startTime(monitor), SIGTERM)).isEqualTo(Syscalls.ESRCH);
    }

    @Test
    void awaitExit_returnsAtOnce_whenThePidIsHeldByAProcessThatStartedAtAnotherTime() throws Exception {
        Process other = sleeper();

        assertThat(Syscalls.awaitExit(other.pid(), startTime(other.pid()) + 1, -1)).isTrue();
        assertThat(Syscalls.awaitExit(other.pid(), startTime(other.pid()), 0)).isFalse();
    }

    private Process sleeper() throws IOException {
        Process p = new ProcessBuilder("sleep", "300").start();
        started.add(p);
        return p;
    }

    private static long startTime(long pid) {
        return Syscalls.startTime(pid).orElseThrow(() -> new AssertionError("process " + pid + " is gone"));
    }
}
