package dev.berth.engine;

import java.util.List;

/**
 * An exec instance as {@code GET /exec/{id}/json} shows it.
 *
 * @param id          64 hex characters
 * @param containerId the full ID of the container it runs in
 * @param running     true from its start until its process has ended
 * @param exitCode    null until its process has ended (128+signal when killed)
 * @param pid         the host PID of the process that runs it (its launcher), 0 before the start
 */
public record ExecView(String id, String containerId, boolean running, Integer exitCode, long pid,
                       ExecConfig config) {

    /** Docker's {@code ProcessConfig.entrypoint}: argv[0]. */
    public String entrypoint() {
        return config.command().getFirst();
    }

    /** Docker's {@code ProcessConfig.arguments}: argv without argv[0]. */
    public List<String> arguments() {
        return config.command().subList(1, config.command().size());
    }
}
