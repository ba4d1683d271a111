package dev.berth.engine;

import dev.berth.engine.core.RestartPolicy;

/**
 * When a restart policy brings a container back, as Docker's restart manager decides it
 * (moby {@code restartmanager}): after it ended on its own, and when the daemon starts.
 *
 * @see <a href="https://docs.docker.com/engine/containers/start-containers-automatically/">Docker: restart policies</a>
 */
final class RestartRules {

    private RestartRules() {
    }

    /**
     * Whether a container that just ended is restarted: never once the user stopped or killed it;
     * {@code always} and {@code unless-stopped} always; {@code on-failure[:N]} after a non-zero exit
     * while fewer than N restarts were made (no limit without N).
     *
     * @param restartCount restarts by the policy since the user last started it
     */
    static boolean afterExit(RestartPolicy policy, int exitCode, int restartCount, boolean stoppedByUser) {
        if (stoppedByUser) {
            return false;
        }
        return switch (policy.name()) {
            case "always", "unless-stopped" -> true;
            case "on-failure" -> exitCode != 0 && (policy.maxRetries() == 0 || restartCount < policy.maxRetries());
            default -> false;
        };
    }

    /**
     * Whether a container that is not running is started when the daemon starts: {@code always}
     * ones even if the user had stopped them, {@code unless-stopped} ones unless the user had, and
     * any whose restart was decided but not made before the daemon stopped. A container never
     * started is left alone.
     */
    static boolean atDaemonStart(RestartPolicy policy, boolean everStarted, boolean stoppedByUser,
                                 boolean restartPending) {
        if (!everStarted) {
            return false;
        }
        return switch (policy.name()) {
            case "always" -> true;
            case "unless-stopped" -> !stoppedByUser;
            default -> restartPending && !stoppedByUser && policy.restarts();
        };
    }
}
