package dev.berth.engine.runtime.launch;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Everything the C launcher needs to start one container, fully resolved: no defaults are applied
 * after this point (see {@code dev.berth.engine.runtime.LaunchSpecFactory} for Docker's defaults).
 *
 * @param id            the container ID (64 hex characters)
 * @param stateDir      the container's folder; the monitor writes {@code exit.json} there
 * @param rootfs        the mount point of the root filesystem (an empty folder) when
 *                      {@code lowerDirs} is not empty; otherwise a plain root folder, bound onto itself
 * @param lowerDirs     overlay lower layers, <b>top-first</b> (overlayfs's own order: the first one wins)
 * @param upperDir      the overlay upper layer (the container's writable layer), null without overlay
 * @param workDir       the overlay work folder, on the same filesystem as {@code upperDir}
 * @param argv          the command, argv[0] first, looked up in the container's PATH
 * @param env           {@code NAME=value} entries, exactly as the process gets them
 * @param cwd           the working directory inside the container (created if missing)
 * @param privileges    the user, groups, capabilities and restrictions of the command
 * @param hostname      the UTS hostname
 * @param readOnlyRoot  remount the root filesystem read-only
 * @param mounts        further mounts, in order, after /proc, /dev, /sys and friends
 * @param maskedPaths   paths hidden (files by /dev/null, folders by an empty read-only tmpfs)
 * @param readOnlyPaths paths bound read-only onto themselves
 * @param sysctls       namespaced sysctls, {@code net.ipv4.ip_forward} style keys
 * @param rlimits       resource limits, always including {@code nofile}
 * @param shmSize       bytes of /dev/shm
 * @param init          run the launcher's own init as PID 1 (reaps zombies, forwards signals)
 * @param log           the json-file log and its rotation
 * @param logFile       the log file, Docker's {@code <id>-json.log}
 * @param cgroupProcs   {@code cgroup.procs} files the monitor joins before creating the
 *                      namespaces, so the container is born inside its cgroups
 * @param cgroupBinds   controller name to host cgroup folder, bound read-only under /sys/fs/cgroup
 * @param syncNetwork   stop after creating the namespaces until the caller wired the network
 *                      (see {@link Launcher})
 * @param tty           the init gets a pseudo-terminal of the container's own as stdin, stdout,
 *                      stderr and controlling terminal; the monitor logs its output as stdout
 * @param openStdin     without {@code tty}: the init's stdin is a pipe from the monitor, not /dev/null
 * @param control       with {@code tty} or {@code openStdin}: the FIFO the monitor makes and reads
 *                      for stdin bytes, stdin close and window sizes ({@link ControlFifo}); else null
 */
public record LaunchSpec(
        String id,
        Path stateDir,
        Path rootfs,
        List<Path> lowerDirs,
        Path upperDir,
        Path workDir,
        List<String> argv,
        List<String> env,
        String cwd,
        ProcessPrivileges privileges,
        String hostname,
        boolean readOnlyRoot,
        List<Mount> mounts,
        List<String> maskedPaths,
        List<String> readOnlyPaths,
        Map<String, String> sysctls,
        List<Rlimit> rlimits,
        long shmSize,
        boolean init,
        LogOptions log,
        Path logFile,
        List<Path> cgroupProcs,
        Map<String, Path> cgroupBinds,
        boolean syncNetwork,
        boolean tty,
        boolean openStdin,
        Path control) {

    public LaunchSpec {
        lowerDirs = List.copyOf(lowerDirs);
        argv = List.copyOf(argv);
        env = List.copyOf(env);
        mounts = List.copyOf(mounts);
        maskedPaths = List.copyOf(maskedPaths);
        readOnlyPaths = List.copyOf(readOnlyPaths);
        sysctls = Map.copyOf(sysctls);
        rlimits = List.copyOf(rlimits);
        cgroupProcs = List.copyOf(cgroupProcs);
        cgroupBinds = Map.copyOf(cgroupBinds);
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("container " + id + " has no command to run");
        }
        if ((tty || openStdin) != (control != null)) {
            throw new IllegalArgumentException("container " + id + " needs a control FIFO exactly when it has a"
                    + " TTY or an open stdin");
        }
    }
}
