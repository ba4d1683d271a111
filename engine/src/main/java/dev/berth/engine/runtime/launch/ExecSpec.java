package dev.berth.engine.runtime.launch;

import java.util.List;

/**
 * A further process inside a running container: the launcher joins the namespaces of
 * {@code initPid} (ipc, uts, net, pid, mnt) and the cgroups, forks, and runs {@code argv}.
 *
 * @param initPid    the host PID of the container's PID 1
 * @param monitorPid the host PID of its monitor (the init's parent); the launcher refuses to join
 *                   the namespaces of {@code initPid} unless that PID is still the monitor's child
 * @param privileges the user, groups, capabilities and restrictions of the process
 * @param tty        the launcher allocates a pseudo-terminal in the container for the process and
 *                   relays between it and its own stdin and stdout
 * @param ttyRows    the terminal's initial window size in rows, 0 for none
 * @param ttyColumns the terminal's initial window size in columns, 0 for none
 */
public record ExecSpec(
        int initPid,
        int monitorPid,
        List<String> argv,
        List<String> env,
        String cwd,
        ProcessPrivileges privileges,
        List<Rlimit> rlimits,
        List<java.nio.file.Path> cgroupProcs,
        boolean tty,
        int ttyRows,
        int ttyColumns) {

    public ExecSpec {
        argv = List.copyOf(argv);
        env = List.copyOf(env);
        rlimits = List.copyOf(rlimits);
        cgroupProcs = List.copyOf(cgroupProcs);
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("exec needs a command");
        }
    }
}
