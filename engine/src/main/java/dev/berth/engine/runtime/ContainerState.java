package dev.berth.engine.runtime;

/**
 * The persisted state of one container ({@code state.json}); every change is a new value written
 * atomically by {@link ContainerStore}.
 *
 * @param monitorPid       PID of the launcher's monitor while running
 * @param monitorStartTime its start time from /proc, to tell it from a reused PID
 * @param initPid          host PID of the container's PID 1 while running
 */
public record ContainerState(String id, String name, ContainerStatus status, long monitorPid,
                             long monitorStartTime, long initPid, String createdAt, String startedAt,
                             String finishedAt, int exitCode, boolean oomKilled, String error) {

    ContainerState running(long monitor, long monitorStart, long init, String at) {
        return new ContainerState(id, name, ContainerStatus.RUNNING, monitor, monitorStart, init, createdAt, at,
                null, 0, false, null);
    }

    /**
     * A start whose monitor exists but has not reported yet: running, its init not known ({@code
     * initPid} 0) until the launcher reports it or {@link Syscalls#onlyChild} finds it.
     */
    ContainerState starting(long monitor, long monitorStart, String at) {
        return running(monitor, monitorStart, 0, at);
    }

    /** The same running container with its init's PID known. */
    ContainerState withInit(long init) {
        return new ContainerState(id, name, status, monitorPid, monitorStartTime, init, createdAt, startedAt,
                finishedAt, exitCode, oomKilled, error);
    }

    /** A start that never ran the command: started and finished at the same moment, with the reason. */
    ContainerState failedStart(int code, String at, String why) {
        return new ContainerState(id, name, ContainerStatus.EXITED, 0, 0, 0, createdAt, at, at, code, false, why);
    }

    ContainerState exited(int code, String at, boolean oom, String why) {
        return new ContainerState(id, name, ContainerStatus.EXITED, 0, 0, 0, createdAt, startedAt, at, code, oom,
                why);
    }

    /** The same container under another name. */
    ContainerState withName(String newName) {
        return new ContainerState(id, newName, status, monitorPid, monitorStartTime, initPid, createdAt, startedAt,
                finishedAt, exitCode, oomKilled, error);
    }

    /** Paused (frozen) or running again; the processes stay the same. */
    ContainerState withStatus(ContainerStatus s) {
        return new ContainerState(id, name, s, monitorPid, monitorStartTime, initPid, createdAt, startedAt,
                finishedAt, exitCode, oomKilled, error);
    }

    /** Running or paused: its monitor and processes exist. */
    boolean live() {
        return status == ContainerStatus.RUNNING || status == ContainerStatus.PAUSED;
    }

    ContainerInspect inspect() {
        return new ContainerInspect(id, name, status, live() ? initPid : 0, startedAt,
                finishedAt, exitCode, oomKilled, error, createdAt);
    }
}
