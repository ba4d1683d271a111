package dev.berth.engine.runtime;

import dev.berth.engine.EngineException;
import dev.berth.engine.runtime.launch.ExecResult;
import dev.berth.engine.runtime.launch.LaunchFailedException;
import dev.berth.engine.runtime.launch.LaunchSpec;
import dev.berth.engine.runtime.launch.Launched;
import dev.berth.engine.runtime.launch.Launcher;
import dev.berth.engine.runtime.launch.LauncherBinary;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The container runtime on one data root: create, start, stop, kill, wait, remove, inspect, list,
 * exec and logs. Containers are run by berth-launch monitors that outlive this object and its JVM;
 * a new Runtime on the same data root re-adopts them (constructor), so running containers stay
 * running and stopped ones keep their logs and exit codes.
 *
 * <p>Containers are named by their 64-hex-character ID, any unique prefix of it, or their name.
 */
public final class Runtime {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ContainerStore store;
    private final Launcher launcher;
    private final CgroupAttachment cgroups;
    private final ContainerFiles files;
    private final Map<String, ContainerState> states = new ConcurrentHashMap<>();
    /** One lock per container: start, stop and remove of one container never interleave. */
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    /** A runtime with the launcher found by {@link LauncherBinary}, no cgroups and no generated files. */
    public Runtime(Path dataRoot) {
        this(dataRoot, new Launcher(LauncherBinary.locate()), CgroupAttachment.none(), ContainerFiles.none());
    }

    public Runtime(Path dataRoot, Launcher launcher, CgroupAttachment cgroups, ContainerFiles files) {
        this.store = new ContainerStore(dataRoot);
        this.launcher = launcher;
        this.cgroups = cgroups;
        this.files = files;
        for (ContainerState s : store.loadAll()) {
            states.put(s.id(), s);
            refresh(s.id());
        }
    }

    /**
     * Creates a container (not started); returns its ID.
     *
     * @throws EngineException when the name is taken, or the options could never start (a seccomp
     *                         profile file, a command line and environment over ARG_MAX)
     */
    public synchronized String create(CreateOptions options) {
        String id = HexFormat.of().formatHex(randomBytes());
        LaunchSpecFactory.validate(id, options);
        String name = options.name() == null || options.name().isBlank() ? id.substring(0, 12) : options.name();
        if (states.values().stream().anyMatch(s -> s.name().equals(name))) {
            throw new EngineException("Conflict. The container name \"/" + name
                    + "\" is already in use: remove that container or choose another name");
        }
        ContainerState state = new ContainerState(id, name, ContainerStatus.CREATED, 0, 0, 0, now(), null, null, 0,
                false, null);
        store.create(state, options);
        states.put(id, state);
        return id;
    }

    /** Starts a created or exited container; returns once its command runs. */
    public void start(String ref) {
        String id = resolve(ref);
        synchronized (lock(id)) {
            startLocked(id);
        }
    }

    private void startLocked(String id) {
        ContainerState state;
        CreateOptions options;
        synchronized (this) {
            state = refresh(id);
            if (state.live()) {
                return;
            }
            options = store.config(id);
            store.clearExit(id);
        }
        String hostname = LaunchSpecFactory.hostname(id, options);
        try {
            LaunchSpec spec = LaunchSpecFactory.launch(id, store, options, cgroups.prepare(id, options),
                    cgroups.binds(id), files.prepare(id, store.dir(id), hostname, options));
            Launched l = launcher.launch(spec);
            long startTime = Syscalls.startTime(l.monitorPid()).orElse(0);
            update(state.running(l.monitorPid(), startTime, l.initPid(), now()));
        } catch (LaunchFailedException e) {
            cgroups.release(id);
            update(state.failedStart(e.exitCode(), now(), e.reason()));
            throw e;
        } catch (RuntimeException e) {
            // nothing runs: the cgroup made for this start must not outlive it
            try {
                cgroups.release(id);
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /** Sends the stop signal, waits {@code timeout}, then SIGKILL; nothing when not running. */
    public void stop(String ref, Duration timeout) {
        String id = resolve(ref);
        synchronized (lock(id)) {
            stopLocked(id, timeout);
        }
    }

    private void stopLocked(String id, Duration timeout) {
        ContainerState s = refresh(id);
        if (!s.live()) {
            return;
        }
        // As Docker: a paused container is thawed so that its PID 1 can handle the stop signal.
        InitSignaller.signal(s, store.config(id).effectiveStopSignal());
        thawIfPaused(s);
        if (!Syscalls.awaitExit(s.monitorPid(), s.monitorStartTime(), timeout.toMillis())) {
            InitSignaller.signal(s, Syscalls.SIGKILL);
            Syscalls.awaitExit(s.monitorPid(), s.monitorStartTime(), -1);
        }
        refresh(id);
    }

    /** Stops with the container's own grace period (10 s unless its options say otherwise). */
    public void stop(String ref) {
        String id = resolve(ref);
        stop(id, Duration.ofSeconds(store.config(id).effectiveStopTimeout()));
    }

    /** Sends {@code signal} to the container's PID 1. */
    public void kill(String ref, int signal) {
        String id = resolve(ref);
        ContainerState s = refresh(id);
        if (!s.live()) {
            throw new EngineException("Cannot kill container: " + ref + ": Container " + id + " is not running");
        }
        int errno = InitSignaller.signal(s, signal);
        if (signal == Syscalls.SIGKILL) {
            // a frozen process dies of SIGKILL only once thawed
            thawIfPaused(s);
        }
        if (errno != 0 && errno != Syscalls.ESRCH) {
            throw new EngineException("cannot send signal " + signal + " to container " + id + ": errno " + errno);
        }
    }

    /** Blocks until the container is not running; returns its exit code. */
    public int waitFor(String ref) {
        String id = resolve(ref);
        ContainerState s = refresh(id);
        if (s.live()) {
            Syscalls.awaitExit(s.monitorPid(), s.monitorStartTime(), -1);
            s = refresh(id);
        }
        return s.exitCode();
    }

    /** Removes a container and its folder; a running one only with {@code force} (it is killed). */
    public void remove(String ref, boolean force) {
        String id = resolve(ref);
        synchronized (lock(id)) {
            removeLocked(id, force);
        }
    }

    private void removeLocked(String id, boolean force) {
        ContainerState s = refresh(id);
        if (s.live()) {
            if (!force) {
                throw new EngineException("You cannot remove a " + s.status().dockerName() + " container " + id
                        + ". Stop the container before attempting removal or force remove");
            }
            InitSignaller.signal(s, Syscalls.SIGKILL);
            thawIfPaused(s);
            Syscalls.awaitExit(s.monitorPid(), s.monitorStartTime(), -1);
            refresh(id);
        }
        cgroups.release(id);
        store.delete(id);
        states.remove(id);
        locks.remove(id);
    }

    private Object lock(String id) {
        return locks.computeIfAbsent(id, k -> new Object());
    }

    public ContainerInspect inspect(String ref) {
        return refresh(resolve(ref)).inspect();
    }

    /** Every container, oldest first. */
    public List<ContainerInspect> list() {
        return states.keySet().stream().map(this::refresh)
                .sorted((a, b) -> a.createdAt().compareTo(b.createdAt())).map(ContainerState::inspect).toList();
    }

    /** Runs a further process in a running container and waits for it. */
    public ExecResult exec(String ref, ExecOptions options) {
        String id = resolve(ref);
        ContainerState s = refresh(id);
        if (s.status() == ContainerStatus.PAUSED) {
            throw new EngineException("Container " + id + " is paused, unpause the container before exec");
        }
        if (s.status() != ContainerStatus.RUNNING) {
            throw new EngineException("Container " + id + " is not running: start it before exec");
        }
        CreateOptions config = store.config(id);
        return launcher.exec(LaunchSpecFactory.exec(id, s.initPid(), s.monitorPid(), config, options,
                cgroups.prepare(id, config)), store.dir(id));
    }

    /** Freezes every process of a running container (Docker's pause). */
    public void pause(String ref) {
        String id = resolve(ref);
        synchronized (lock(id)) {
            ContainerState s = refresh(id);
            if (s.status() == ContainerStatus.PAUSED) {
                throw new EngineException("Container " + id + " is already paused");
            }
            if (s.status() != ContainerStatus.RUNNING) {
                throw new EngineException("Container " + id + " is not running");
            }
            cgroups.freeze(id);
            update(s.withStatus(ContainerStatus.PAUSED));
        }
    }

    /** Thaws a paused container (Docker's unpause). */
    public void unpause(String ref) {
        String id = resolve(ref);
        synchronized (lock(id)) {
            ContainerState s = refresh(id);
            if (s.status() != ContainerStatus.PAUSED) {
                throw new EngineException("Container " + id + " is not paused");
            }
            cgroups.thaw(id);
            update(s.withStatus(ContainerStatus.RUNNING));
        }
    }

    private void thawIfPaused(ContainerState s) {
        if (s.status() == ContainerStatus.PAUSED) {
            cgroups.thaw(s.id());
            update(s.withStatus(ContainerStatus.RUNNING));
        }
    }

    /** The options a container was created with. */
    public CreateOptions config(String ref) {
        return store.config(resolve(ref));
    }

    /**
     * Reads the container's log into {@code sink}, oldest entry first, rotated files included; with
     * {@link LogsOptions#follow()} also what it writes later, until the container is no longer
     * running. The report holds what the monitor recorded about output it could not write.
     */
    public LogsReport logs(String ref, LogsOptions options, LogSink sink) {
        String id = resolve(ref);
        JsonFileLog log = new JsonFileLog(store.logFile(id), store.config(id).log().maxFile(),
                store.dir(id).resolve(JsonFileLog.WARNING_FILE));
        if (options.follow()) {
            log.follow(sink, () -> !refresh(id).live());
        } else {
            log.read(sink);
        }
        return new LogsReport(log.warning().map(w -> logWarning(id, w)).stream().toList());
    }

    private static String logWarning(String id, JsonFileLog.Warning w) {
        String lost = w.lostEntries() == 1 ? " misses 1 entry the monitor could not write"
                : w.lostEntries() > 1 ? " misses " + w.lostEntries() + " entries the monitor could not write" : "";
        return "the log of container " + id + lost + ": " + w.error();
    }

    /** The container's log, oldest entry first, rotated files included. */
    public List<LogEntry> logs(String ref) {
        List<LogEntry> entries = new ArrayList<>();
        logs(ref, new LogsOptions(false), new LogSink() {
            @Override
            public void entry(LogEntry entry) {
                entries.add(entry);
            }

            @Override
            public void caughtUp() {
            }
        });
        return entries;
    }

    private String resolve(String ref) {
        if (states.containsKey(ref)) {
            return ref;
        }
        Optional<ContainerState> byName = states.values().stream().filter(s -> s.name().equals(ref)).findFirst();
        if (byName.isPresent()) {
            return byName.get().id();
        }
        List<String> prefixed = states.keySet().stream().filter(id -> id.startsWith(ref)).toList();
        if (prefixed.size() == 1 && !ref.isEmpty()) {
            return prefixed.getFirst();
        }
        throw new EngineException(prefixed.size() > 1
                ? "container reference \"" + ref + "\" is ambiguous: give more characters of the ID"
                : "No such container: " + ref);
    }

    /**
     * Brings a running container's state up to date with its monitor: the monitor writes exit.json
     * before it exits, so once it is gone the exit status is on disk.
     */
    private synchronized ContainerState refresh(String id) {
        ContainerState s = states.get(id);
        if (s == null) {
            throw new EngineException("No such container: " + id);
        }
        if (!s.live()) {
            return s;
        }
        Optional<ExitRecord> exit = store.exit(id);
        if (exit.isEmpty() && Syscalls.isAlive(s.monitorPid(), s.monitorStartTime())) {
            return s;
        }
        if (exit.isEmpty()) {
            exit = store.exit(id);
        }
        boolean oom = cgroups.oomKilled(id);
        ContainerState done = exit.map(e -> s.exited(e.exitCode(), e.finishedAt(), oom, emptyToNull(e.error())))
                .orElseGet(() -> s.exited(255, now(), oom, "the monitor (PID " + s.monitorPid()
                        + ") ended without recording an exit status in " + store.dir(id).resolve("exit.json")
                        + ", so the exit code is unknown: it was killed, or it could not write there"
                        + " (is the data root full or read-only?)"));
        cgroups.release(id);
        update(done);
        return done;
    }

    private synchronized void update(ContainerState s) {
        store.save(s);
        states.put(s.id(), s);
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return b;
    }

    private static String now() {
        return Instant.now().toString();
    }
}
