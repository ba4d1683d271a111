package dev.berth.engine.runtime;

/**
 * What inspect reports about a container.
 *
 * @param pid        host PID of the container's PID 1 while running, else 0
 * @param startedAt  RFC 3339, null before the first start
 * @param finishedAt RFC 3339, null until it ends
 * @param exitCode   the exit code (128+signal when killed), 0 while running or created
 * @param oomKilled  set from the cgroup's OOM counter (filled by the cgroup attachment)
 * @param error      why the last start failed, or null
 * @param createdAt  RFC 3339
 */
public record ContainerInspect(String id, String name, ContainerStatus status, long pid, String startedAt,
                               String finishedAt, int exitCode, boolean oomKilled, String error, String createdAt) {

    /** Docker's {@code State.Running}: true while paused too. */
    public boolean running() {
        return status == ContainerStatus.RUNNING || status == ContainerStatus.PAUSED;
    }

    /** Docker's {@code State.Paused}. */
    public boolean paused() {
        return status == ContainerStatus.PAUSED;
    }
}
