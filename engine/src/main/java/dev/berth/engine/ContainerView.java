package dev.berth.engine;

import dev.berth.engine.core.Healthcheck;
import dev.berth.engine.core.RestartPolicy;
import java.util.List;
import java.util.Map;

/**
 * A container as the engine shows it at its edge (to the CLI and to the API), in Docker's terms:
 * its state, the configuration it was created with, and its mounts. Built from the runtime's
 * records by {@link Engine#inspect} and {@link Engine#list}; nothing here points into them.
 *
 * @param status      Docker's {@code State.Status}: created, running, paused or exited
 * @param pid         host PID of the container's PID 1 while running, else 0
 * @param startedAt   RFC 3339, null before the first start
 * @param finishedAt  RFC 3339, null until it ends
 * @param exitCode    the exit code (128+signal when killed), 0 while running or created
 * @param error       why the last start failed, or null
 * @param hostname    the hostname inside the container
 * @param user        {@code UID:GID} the command runs as
 * @param imageId     the image's ID, null when not created from the store
 * @param stopSignal  the signal {@code stop} sends first
 * @param stopTimeout seconds {@code stop} waits before SIGKILL
 * @param limits      the cgroup limits it was created with
 * @param created     RFC 3339
 * @param image       the image as named at create ({@code Config.Image}); null when not from the store
 * @param labels      its labels, the image's merged under its own
 * @param healthcheck the healthcheck, the image's merged in; null for none
 * @param exposedPorts ports such as {@code 80/tcp}, the image's merged in, sorted
 * @param domainname  null for none
 */
public record ContainerView(String id, String name, String status, long pid, String startedAt,
                            String finishedAt, int exitCode, boolean oomKilled, String error, String hostname,
                            String user, List<String> env, List<String> entrypoint, List<String> command,
                            String workingDir, String imageId, int stopSignal, int stopTimeout,
                            Limits limits, List<String> capAdd, List<String> capDrop, boolean privileged,
                            List<String> securityOpts, boolean readOnlyRoot, boolean init,
                            List<MountView> mounts, String created, String image, Map<String, String> labels,
                            boolean tty, boolean openStdin, boolean stdinOnce, RestartPolicy restartPolicy,
                            Healthcheck healthcheck, List<String> exposedPorts, String domainname,
                            boolean autoRemove) {

    public ContainerView {
        env = List.copyOf(env);
        entrypoint = List.copyOf(entrypoint);
        command = List.copyOf(command);
        capAdd = List.copyOf(capAdd);
        capDrop = List.copyOf(capDrop);
        securityOpts = List.copyOf(securityOpts);
        mounts = List.copyOf(mounts);
        labels = Map.copyOf(labels);
        exposedPorts = List.copyOf(exposedPorts);
    }

    /** Docker's {@code State.Running}: true while paused too. */
    public boolean running() {
        return status.equals("running") || status.equals("paused");
    }

    /** Docker's {@code State.Paused}. */
    public boolean paused() {
        return status.equals("paused");
    }

    /** The first 12 characters of the ID, as the docker CLI shows it. */
    public String shortId() {
        return id.substring(0, 12);
    }

    /**
     * Docker's {@code HostConfig} limits: bytes, billionths of a CPU, a PID count (0: none set;
     * -1 for {@code pidsLimit}: unlimited).
     */
    public record Limits(long memory, long memorySwap, long nanoCpus, long pidsLimit) {
    }
}
