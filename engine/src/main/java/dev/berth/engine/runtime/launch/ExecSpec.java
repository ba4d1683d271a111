package dev.berth.engine.runtime.launch;

import java.util.List;
import java.util.Set;

/**
 * A further process inside a running container: the launcher joins the namespaces of
 * {@code initPid} (ipc, uts, net, pid, mnt) and the cgroups, forks, and runs {@code argv}.
 *
 * @param initPid      the host PID of the container's PID 1
 * @param capabilities capability numbers kept, as for the container
 */
public record ExecSpec(
        int initPid,
        List<String> argv,
        List<String> env,
        String cwd,
        int uid,
        int gid,
        List<Integer> extraGids,
        Set<Integer> capabilities,
        boolean privileged,
        boolean seccomp,
        boolean noNewPrivs,
        List<Rlimit> rlimits,
        List<java.nio.file.Path> cgroupProcs) {

    public ExecSpec {
        argv = List.copyOf(argv);
        env = List.copyOf(env);
        extraGids = List.copyOf(extraGids);
        capabilities = Set.copyOf(capabilities);
        rlimits = List.copyOf(rlimits);
        cgroupProcs = List.copyOf(cgroupProcs);
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("exec needs a command");
        }
    }
}
