package dev.berth.engine;

import java.util.List;

/**
 * An exec instance as {@code POST /containers/{id}/exec} asks for it: a process to run in a running
 * container later, when the instance is started ({@link Engine#startExec}).
 *
 * @param command      argv, not empty
 * @param attachStdin  the starter's bytes go to the process's stdin (otherwise it reads end of file)
 * @param attachStdout the starter receives the process's stdout
 * @param attachStderr the starter receives the process's stderr
 * @param tty          the process runs on a terminal of its own (its output is stdout only)
 * @param env          {@code NAME=value} entries added to (and overriding) the container's environment
 * @param workingDir   null for the container's working directory
 * @param user         {@code name|uid[:group|gid]} resolved in the container's root; null for the container's user
 * @param privileged   all capabilities and no seccomp for this process
 * @param detachKeys   the key sequence that detaches, as given (berth does not interpret it)
 * @param consoleRows  with {@code tty}: the terminal's initial rows ({@code ConsoleSize}), 0 for none
 * @param consoleColumns with {@code tty}: the terminal's initial columns, 0 for none
 */
public record ExecConfig(List<String> command, boolean attachStdin, boolean attachStdout, boolean attachStderr,
                         boolean tty, List<String> env, String workingDir, String user, boolean privileged,
                         String detachKeys, int consoleRows, int consoleColumns) {

    public ExecConfig {
        command = List.copyOf(command);
        env = List.copyOf(env);
        detachKeys = detachKeys == null ? "" : detachKeys;
    }
}
