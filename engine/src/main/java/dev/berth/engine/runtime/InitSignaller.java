package dev.berth.engine.runtime;

import java.util.OptionalLong;

/**
 * Sends signals to a container's PID 1 without ever signalling another process that was given its
 * PID. Once the monitor has reaped the init the kernel may hand the PID to any new host process, and
 * {@code kill(2)} by number would hit that process. Here the PID is pinned first with a pidfd, the
 * pinned process is checked to be the child of the monitor recorded in the container's state (same
 * PID and same start time), and the signal goes through the pidfd.
 */
final class InitSignaller {

    private InitSignaller() {
    }

    /** As {@link #signal(long, long, long, int)} with the PIDs of a running container's state. */
    static int signal(ContainerState state, int signal) {
        return signal(state.initPid(), state.monitorPid(), state.monitorStartTime(), signal);
    }

    /**
     * Sends {@code signal} to {@code initPid} if it is still the child of the monitor
     * {@code monitorPid} that started at {@code monitorStartTime}.
     *
     * @return 0 when sent; {@link Syscalls#ESRCH} when the init is gone or the PID is no longer the
     *         container's; another errno when the kernel refused the signal
     */
    static int signal(long initPid, long monitorPid, long monitorStartTime, int signal) {
        if (initPid <= 0) {
            // a container still starting: its init is not known yet, and PID 0 is no process
            return Syscalls.ESRCH;
        }
        int pidfd = Syscalls.pidfdOpen(initPid);
        if (pidfd < 0) {
            return -pidfd;
        }
        try {
            return isInitOf(pidfd, initPid, monitorPid, monitorStartTime)
                    ? Syscalls.pidfdSendSignal(pidfd, signal)
                    : Syscalls.ESRCH;
        } finally {
            Syscalls.close(pidfd);
        }
    }

    private static boolean isInitOf(int pidfd, long initPid, long monitorPid, long monitorStartTime) {
        OptionalLong parent = Syscalls.parentPid(initPid);
        // /proc/<initPid> described the pinned process only if that process had not exited by now:
        // a PID is not reused while its process (even a zombie) exists.
        if (parent.isEmpty() || parent.getAsLong() != monitorPid || Syscalls.hasExited(pidfd)) {
            return false;
        }
        // The monitor is alive now, so it was alive when the parent was read: the pinned process is
        // its child, and the monitor has no child but the init.
        return Syscalls.isAlive(monitorPid, monitorStartTime);
    }
}
