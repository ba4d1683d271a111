package dev.berth.engine;

import java.util.List;

/**
 * A further process to run in a running container, as {@code docker exec} asks for it.
 *
 * @param command    argv
 * @param env        {@code NAME=value} entries added to (and overriding) the container's environment
 * @param workingDir null for the container's working directory
 * @param privileged all capabilities and no seccomp for this process
 */
public record ExecRequest(List<String> command, List<String> env, String workingDir, boolean privileged) {

    public ExecRequest {
        command = List.copyOf(command);
        env = List.copyOf(env);
    }
}
