package dev.berth.engine.runtime;

import java.util.List;

/**
 * A further process to run in a running container.
 *
 * @param command    argv
 * @param env        {@code NAME=value} entries added to (and overriding) the container's env
 * @param workingDir null for the container's working directory
 * @param uid        null for the container's user
 * @param gid        the group with {@code uid}
 * @param extraGids  the supplementary groups with {@code uid}
 * @param privileged all capabilities and no seccomp for this process
 * @param tty        run it on a pseudo-terminal the launcher allocates in the container
 * @param ttyRows    with {@code tty}: the terminal's initial rows, 0 for none
 * @param ttyColumns with {@code tty}: the terminal's initial columns, 0 for none
 */
public record ExecOptions(List<String> command, List<String> env, String workingDir, Integer uid, int gid,
                          List<Integer> extraGids, boolean privileged, boolean tty, int ttyRows,
                          int ttyColumns) {

    public ExecOptions {
        command = List.copyOf(command);
        env = List.copyOf(env);
        extraGids = List.copyOf(extraGids);
    }

    /** A process without a terminal and without supplementary groups of its own. */
    public ExecOptions(List<String> command, List<String> env, String workingDir, Integer uid, int gid,
                       boolean privileged) {
        this(command, env, workingDir, uid, gid, List.of(), privileged, false, 0, 0);
    }

    /** Runs {@code command} with the container's user, env and working directory. */
    public static ExecOptions of(String... command) {
        return new ExecOptions(List.of(command), List.of(), null, null, 0, false);
    }
}
