package dev.berth.engine.runtime;

import dev.berth.engine.core.EngineException;
import dev.berth.engine.runtime.launch.ArgMax;
import dev.berth.engine.runtime.launch.Capability;
import dev.berth.engine.runtime.launch.ExecSpec;
import dev.berth.engine.runtime.launch.LaunchSpec;
import dev.berth.engine.runtime.launch.Mount;
import dev.berth.engine.runtime.launch.ProcessPrivileges;
import dev.berth.engine.runtime.launch.Rlimit;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Turns what the user asked for ({@link CreateOptions}) into a launch spec with Docker's defaults. */
final class LaunchSpecFactory {

    private LaunchSpecFactory() {
    }

    static LaunchSpec launch(String id, ContainerStore store, CreateOptions o, List<Path> cgroupProcs,
                             Map<String, Path> cgroupBinds, List<Mount> fileMounts) {
        String hostname = hostname(id, o);
        List<Mount> mounts = new ArrayList<>(fileMounts);
        mounts.addAll(o.mounts());
        new TreeMap<>(o.tmpfs()).forEach((dst, opts) -> {
            List<String> all = new ArrayList<>(List.of("nosuid", "nodev", "noexec"));
            if (!opts.isBlank()) {
                all.addAll(Arrays.asList(opts.split(",")));
            }
            mounts.add(new Mount.Tmpfs(dst, all));
        });
        Map<String, String> sysctls = new LinkedHashMap<>(LinuxDefaults.sysctls());
        sysctls.putAll(o.sysctls());
        List<Path> lowers = new ArrayList<>(o.layerDirs()).reversed();
        return new LaunchSpec(id, store.dir(id), store.rootfs(id), lowers,
                lowers.isEmpty() ? null : store.upper(id), lowers.isEmpty() ? null : store.work(id),
                argv(id, o), env(o.env(), hostname, o.uid(), o.homeDir()),
                o.workingDir() == null || o.workingDir().isBlank() ? "/" : o.workingDir(),
                privileges(o, o.uid(), o.gid(), o.extraGids(), o.privileged()), hostname, o.readOnlyRoot(), mounts,
                o.privileged() ? List.of() : LinuxDefaults.maskedPaths(),
                o.privileged() ? List.of() : LinuxDefaults.readOnlyPaths(), sysctls, rlimits(o.ulimits()),
                o.shmSize() > 0 ? o.shmSize() : LinuxDefaults.SHM_SIZE, o.init(), o.log(), store.logFile(id),
                cgroupProcs, cgroupBinds, false, o.tty(), o.openStdin(),
                o.tty() || o.openStdin() ? store.controlFifo(id) : null);
    }

    /**
     * Refuses, when a container is created, what would make every start fail: a seccomp option
     * berth cannot honour, a command line and environment over the kernel's ARG_MAX.
     *
     * @throws EngineException naming the problem and what to do
     */
    static void validate(String id, CreateOptions o) {
        SecurityOptions.parse(o.securityOpts());
        List<String> argv = new ArrayList<>(o.entrypoint());
        argv.addAll(o.command());
        String what = o.name() == null || o.name().isBlank() ? "cannot create the container"
                : "cannot create container " + o.name();
        ArgMax.check(what, argv, env(o.env(), hostname(id, o), o.uid(), o.homeDir()),
                rlimits(o.ulimits()));
    }

    static ExecSpec exec(String id, long initPid, long monitorPid, CreateOptions o, ExecOptions e,
                         List<Path> cgroupProcs) {
        List<String> env = new ArrayList<>(env(o.env(), hostname(id, o), o.uid(), o.homeDir()));
        env = EnvEntries.merge(env, e.env());
        int uid = e.uid() == null ? o.uid() : e.uid();
        int gid = e.uid() == null ? o.gid() : e.gid();
        boolean privileged = o.privileged() || e.privileged();
        String cwd = e.workingDir() != null ? e.workingDir()
                : o.workingDir() == null || o.workingDir().isBlank() ? "/" : o.workingDir();
        return new ExecSpec((int) initPid, (int) monitorPid, e.command(), env, cwd,
                privileges(o, uid, gid, e.uid() == null ? o.extraGids() : e.extraGids(), privileged),
                rlimits(o.ulimits()), cgroupProcs, e.tty(), e.ttyRows(), e.ttyColumns());
    }

    static String hostname(String id, CreateOptions o) {
        return o.hostname() == null || o.hostname().isBlank() ? id.substring(0, 12) : o.hostname();
    }

    private static List<String> argv(String id, CreateOptions o) {
        List<String> argv = new ArrayList<>(o.entrypoint());
        argv.addAll(o.command());
        if (argv.isEmpty()) {
            throw new EngineException("cannot start container " + id
                    + ": no command specified (give a command or an image with Cmd or Entrypoint)");
        }
        return argv;
    }

    /** Docker's order: PATH (when missing), HOSTNAME, the user's entries, HOME (when missing). */
    static List<String> env(List<String> userEnv, String hostname, int uid, String homeDir) {
        List<String> env = new ArrayList<>();
        if (userEnv.stream().noneMatch(e -> e.startsWith("PATH="))) {
            env.add("PATH=" + LinuxDefaults.PATH);
        }
        env.add("HOSTNAME=" + hostname);
        env = EnvEntries.merge(env, userEnv);
        if (env.stream().noneMatch(e -> e.startsWith("HOME="))) {
            env.add("HOME=" + (homeDir != null ? homeDir : uid == 0 ? "/root" : "/"));
        }
        return env;
    }

    /** Privileged means every capability and no seccomp filter, for the command and for exec alike. */
    private static ProcessPrivileges privileges(CreateOptions o, int uid, int gid, List<Integer> extraGids,
                                                boolean privileged) {
        SecurityOptions security = SecurityOptions.parse(o.securityOpts());
        return new ProcessPrivileges(uid, gid, extraGids, capabilities(o, privileged), privileged,
                security.seccomp() && !privileged, security.noNewPrivileges());
    }

    private static Set<Integer> capabilities(CreateOptions o, boolean privileged) {
        return privileged ? Capability.all() : Capability.resolve(o.capAdd(), o.capDrop());
    }

    /** NOFILE 1024:524288 (capped at this host's hard limit) unless the ulimits name it. */
    static List<Rlimit> rlimits(List<Rlimit> ulimits) {
        List<Rlimit> all = new ArrayList<>();
        if (ulimits.stream().noneMatch(r -> r.name().equals("nofile"))) {
            long hard = Math.min(LinuxDefaults.NOFILE_HARD, LinuxDefaults.hostNofileHard());
            all.add(new Rlimit("nofile", Math.min(LinuxDefaults.NOFILE_SOFT, hard), hard));
        }
        all.addAll(ulimits);
        return all;
    }
}
