package dev.berth.engine.runtime;

import dev.berth.engine.core.LogsReport;
import dev.berth.engine.core.LogsOptions;
import dev.berth.engine.core.LogSink;
import dev.berth.engine.core.LogEntry;
import dev.berth.engine.archive.RootFd;
import dev.berth.engine.core.EngineException;
import dev.berth.engine.runtime.etc.LayeredRootfs;
import dev.berth.engine.runtime.etc.ResolvedUser;
import dev.berth.engine.runtime.etc.UserResolver;
import dev.berth.engine.runtime.launch.ControlFifo;
import dev.berth.engine.runtime.launch.ExecProcess;
import dev.berth.engine.core.WaitCondition;
import dev.berth.engine.layer.Trees;
import dev.berth.engine.runtime.launch.ExecResult;
import dev.berth.engine.runtime.launch.ExecSpec;
import dev.berth.engine.runtime.launch.LaunchFailedException;
import dev.berth.engine.runtime.launch.LaunchSpec;
import dev.berth.engine.runtime.launch.Launched;
import dev.berth.engine.runtime.launch.Launcher;
import dev.berth.engine.runtime.launch.LauncherBinary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.function.BooleanSupplier;

/**
 * The container runtime on one data root: create, start, stop, kill, wait, rename, remove, inspect,
 * list, exec and logs. Containers are run by berth-launch monitors that outlive this object and its JVM;
 * a new ContainerRuntime on the same data root re-adopts them, so running containers stay running and
 * stopped ones keep their logs and exit codes.
 *
 * <p>Several processes may open one data root at once (each {@code berth engine} command does,
 * until the daemon exists): containers are read from disk on each call, names are reserved and
 * containers' folders appear and disappear under a lock held across processes (see
 * {@link ContainerStore}), and {@link #sweep()} cleans up after a process killed halfway.
 *
 * <p>Containers are named by their 64-hex-character ID, any unique prefix of it, or their name.
 */
public final class ContainerRuntime {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ContainerStore store;
    private final Launcher launcher;
    private final CgroupAttachment cgroups;
    private final ContainerFiles files;
    /** One lock per container: start, stop and remove of one container never interleave in this JVM. */
    private final Map<String, Object> locks = new ConcurrentHashMap<>();
    private volatile Consumer<ContainerInspect> exitListener = c -> { };
    private final NameClaims names;
    private final StateSignal signal = new StateSignal();
    private final RemovedExits removedExits = new RemovedExits();
    private final ExitWaiter waiter = new ExitWaiter(this::current, signal, removedExits);

    /** A runtime with the launcher found by {@link LauncherBinary}, no cgroups and no generated files. */
    public ContainerRuntime(Path dataRoot) {
        this(dataRoot, new Launcher(LauncherBinary.locate()), CgroupAttachment.none(), ContainerFiles.none());
    }

    public ContainerRuntime(Path dataRoot, Launcher launcher, CgroupAttachment cgroups, ContainerFiles files) {
        this.store = new ContainerStore(dataRoot);
        this.names = new NameClaims(store);
        this.launcher = launcher;
        this.cgroups = cgroups;
        this.files = files;
    }

    /** Creates a container (not started) with nothing to make before it exists; returns its ID. */
    public String create(CreateOptions options) {
        Reservation reservation = reserve(options.name());
        try {
            return commit(reservation, options);
        } catch (RuntimeException e) {
            try {
                abandon(reservation);
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /**
     * Takes a new ID and the name (its first 12 characters when {@code name} is null or blank) for a
     * container about to be created, across processes: of several creates asking for one name,
     * exactly one gets it. The container is not listed until {@link #commit}; {@link #abandon}
     * gives the name back, and so does the death of this process ({@link #sweep}).
     *
     * @throws NameConflictException with Docker's message when a container, or a create in
     *                               progress, has the name
     */
    public Reservation reserve(String name) {
        String id = HexFormat.of().formatHex(randomBytes());
        String wanted = name == null || name.isBlank() ? id.substring(0, 12) : name;
        return store.locked("cannot reserve the name \"" + wanted + "\" for a new container", () -> {
            names.requireFree(wanted);
            Reservation reservation = Reservation.byThisProcess(id, wanted);
            store.reserve(reservation);
            return reservation;
        });
    }

    /**
     * Gives a container a new name (valid, as the caller checked), as {@code docker rename}; returns
     * its old name.
     *
     * @throws NameConflictException when another container, or a create in progress, has it
     * @throws EngineException       with Docker's words when it is the container's name already
     */
    public String rename(String ref, String newName) {
        String id = resolve(ref);
        synchronized (lock(id)) {
            return store.locked("cannot rename container " + id + " to \"" + newName + "\"", () -> {
                String old = store.state(id).orElseThrow(() -> new NoSuchContainerException(id)).name();
                update(names.renamed(id, newName));
                return old;
            });
        }
    }

    /**
     * Records that the container being created will mount {@code volume}; call it before making the
     * volume, so that a volume removal in another process counts it as in use and an anonymous
     * one is removed if this process dies before the commit.
     */
    public Reservation reserveVolume(Reservation reservation, String volume, boolean anonymous) {
        Reservation next = reservation.withVolume(volume, anonymous);
        store.update(next);
        return next;
    }

    /**
     * Makes the reserved container exist, whole, with {@code options}; returns its ID.
     *
     * @throws EngineException when the options could never start (a seccomp profile file, a command
     *                         line and environment over ARG_MAX); nothing is made then
     */
    public String commit(Reservation reservation, CreateOptions options) {
        LaunchSpecFactory.validate(reservation.id(), options);
        ContainerState state = new ContainerState(reservation.id(), reservation.name(), ContainerStatus.CREATED,
                0, 0, 0, now(), null, null, 0, false, null, Supervision.NONE);
        store.locked("cannot create the folder of container " + reservation.id(), () -> {
            store.commit(reservation, state, options);
            return null;
        });
        signal.changed();
        return reservation.id();
    }

    /** Gives up a reservation: its name is free again. */
    public void abandon(Reservation reservation) {
        store.locked("cannot remove the folder of the container being created " + reservation.id(), () -> {
            store.abandon(reservation.id());
            return null;
        });
    }

    /**
     * The IDs of the containers being created (by a live process) that will mount {@code volume}.
     */
    public List<String> creatingWith(String volume) {
        return store.locked("cannot list the containers being created", () -> store.reservations().stream()
                .filter(r -> r.volumes().contains(volume) && r.creatorAlive()).map(Reservation::id).toList());
    }

    /** What {@link #sweep()} found for the engine to finish. */
    public record Sweep(List<String> abandonedAnonymousVolumes, List<String> toAutoRemove) {
    }

    /**
     * Cleans up after processes killed on this data root: deletes the folders of removals killed
     * halfway and of creations whose process died (returning the anonymous volumes they had made),
     * brings every container's state up to date with its monitor, and returns the {@code --rm}
     * containers that have ended (or never started) while the process that created them, which was
     * to remove them, is gone.
     */
    public Sweep sweep() {
        List<String> volumes = new ArrayList<>();
        store.locked("cannot clean up the containers folder", () -> {
            store.deleteRemoved();
            for (Reservation r : store.reservations()) {
                if (!r.creatorAlive()) {
                    volumes.addAll(r.anonymousVolumes());
                    store.abandon(r.id());
                }
            }
            return null;
        });
        List<String> autoRemove = new ArrayList<>();
        for (ContainerState s : store.loadAll()) {
            ContainerState now = advance(s);
            if (!now.live() && store.config(s.id()).autoRemove()
                    && store.reservation(s.id()).map(r -> !r.creatorAlive()).orElse(true)) {
                autoRemove.add(s.id());
            }
        }
        return new Sweep(List.copyOf(volumes), List.copyOf(autoRemove));
    }

    /** Starts a created or exited container; returns once its command runs. */
    public void start(String ref) {
        start(ref, c -> true, s -> s, c -> { });
    }

    /**
     * Starts a created or exited container if {@code when} holds for it, checked under the
     * container's lock (so a stop by the user and a restart by the policy never cross), with its
     * supervision record changed by {@code change} in the same write that records the start.
     *
     * {@code started} is called once the start is recorded, before any exit of this run can be
     * recorded (see {@link #onExit}), so that news of the start comes before news of its end.
     *
     * @return false when it was running already or {@code when} refused it
     */
    public boolean start(String ref, Predicate<ContainerInspect> when, UnaryOperator<Supervision> change,
                         Consumer<ContainerInspect> started) {
        String id = resolve(ref);
        synchronized (lock(id)) {
            return startLocked(id, when, change, started);
        }
    }

    private boolean startLocked(String id, Predicate<ContainerInspect> when, UnaryOperator<Supervision> change,
                                Consumer<ContainerInspect> started) {
        ContainerState state;
        CreateOptions options;
        synchronized (this) {
            state = refresh(id);
            if (state.live() || !when.test(state.inspect())) {
                return false;
            }
            options = store.config(id);
            store.clearExit(id);
            state = state.withSupervision(change.apply(state.supervision()));
            update(state);
        }
        String hostname = LaunchSpecFactory.hostname(id, options);
        ContainerState before = state;
        try {
            LaunchSpec spec = LaunchSpecFactory.launch(id, store, options, cgroups.prepare(id, options),
                    cgroups.binds(id), files.prepare(id, store.dir(id), hostname, options));
            // Recorded as soon as the monitor exists: were this process killed before the launcher
            // reports, the next one would still find the container and its exit.
            Launched l = launcher.launch(spec, initPid -> { }, monitorPid -> update(before.starting(monitorPid,
                    Syscalls.startTime(monitorPid).orElse(0), now())));
            long startTime = Syscalls.startTime(l.monitorPid()).orElse(0);
            ContainerState running = state.running(l.monitorPid(), startTime, l.initPid(), now());
            // exits are recorded under this same monitor: none of this run can be told before its start
            synchronized (this) {
                update(running);
                started.accept(running.inspect());
            }
            return true;
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
        stop(ref, timeout, 0);
    }

    /** As {@link #stop(String, Duration)} with {@code signal} first instead of the container's stop signal (0: its own). */
    public void stop(String ref, Duration timeout, int signal) {
        String id = resolve(ref);
        synchronized (lock(id)) {
            stopLocked(id, timeout, signal == 0 ? store.config(id).effectiveStopSignal() : signal);
        }
    }

    private void stopLocked(String id, Duration timeout, int signal) {
        ContainerState s = refresh(id);
        if (!s.live()) {
            return;
        }
        // As Docker: a paused container is thawed so that its PID 1 can handle the stop signal.
        InitSignaller.signal(s, signal);
        thawIfPaused(s);
        if (!Syscalls.awaitExit(s.monitorPid(), s.monitorStartTime(), timeout.toMillis())) {
            // refreshed: a container still starting when stopped has its init's PID by now
            InitSignaller.signal(refresh(id), Syscalls.SIGKILL);
            Syscalls.awaitExit(s.monitorPid(), s.monitorStartTime(), -1);
        }
        refresh(id);
    }

    /** Stops with the container's own grace period (10 s unless its options say otherwise). */
    public void stop(String ref) {
        String id = resolve(ref);
        stop(id, Duration.ofSeconds(store.config(id).effectiveStopTimeout()));
    }

    /**
     * Changes the supervision record of a container in one atomic write of its state, from a fresh
     * read under the containers' lock; {@code change} sees the container as it is now (its status
     * brought up to date first) and returns the new record, or the same one to write nothing.
     *
     * @return the container as recorded afterwards
     */
    public ContainerInspect supervise(String ref, Function<ContainerInspect, Supervision> change) {
        String id = resolve(ref);
        refresh(id);
        synchronized (this) {
            return store.locked("cannot record the supervision of container " + id, () -> {
                ContainerState s = store.state(id).orElseThrow(() -> new NoSuchContainerException(id));
                Supervision next = change.apply(s.inspect());
                if (next.equals(s.supervision())) {
                    return s.inspect();
                }
                ContainerState changed = s.withSupervision(next);
                update(changed);
                return changed.inspect();
            });
        }
    }

    /**
     * Records that the user stopped or killed the container, under its lock: a restart by the
     * policy that has not begun yet sees it and gives up (see {@link #start(String, Predicate, UnaryOperator)}).
     */
    public void markStoppedByUser(String ref) {
        String id = resolve(ref);
        synchronized (lock(id)) {
            supervise(id, c -> c.supervision().stoppedByUser(true));
        }
    }

    /**
     * Calls {@code listener} each time this runtime records that a running container ended, once per
     * exit, with the container as recorded; it runs under the containers' lock, so it must only
     * hand the news on.
     */
    public void onExit(Consumer<ContainerInspect> listener) {
        exitListener = listener;
    }

    /** Sends {@code signal} to the container's PID 1. */
    public void kill(String ref, int signal) {
        String id = resolve(ref);
        ContainerState s = refresh(id);
        if (!s.live()) {
            throw new ContainerStateException("Cannot kill container: " + ref + ": Container " + id + " is not running");
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

    /**
     * Marks the container's state now, for a wait ({@link #awaitExit}) that must not miss an exit
     * that follows this call, such as that of a start requested after it.
     */
    public ExitMark markExit(String ref) {
        return ExitMark.of(refresh(resolve(ref)));
    }

    /**
     * Blocks until the container reaches {@code condition} after {@code mark}; its exit code, or
     * empty when {@code cancelled} turned true first (checked at least once a second).
     */
    public OptionalInt awaitExit(ExitMark mark, WaitCondition condition, BooleanSupplier cancelled) {
        return waiter.await(mark, condition, cancelled);
    }

    /** The container's state up to date, empty once it is removed (by any process). */
    private Optional<ContainerState> current(String id) {
        try {
            return store.state(id).map(this::advance);
        } catch (NoSuchContainerException removedMeanwhile) {
            return Optional.empty();
        }
    }

    /**
     * The host PID of the container's PID 1.
     *
     * @throws ContainerStateException with Docker's words when it is not running
     */
    public long initPid(String ref) {
        String id = resolve(ref);
        ContainerState s = refresh(id);
        if (!s.live() || s.initPid() == 0) {
            throw new ContainerStateException("Container " + id + " is not running");
        }
        return s.initPid();
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
                throw new ContainerStateException("You cannot remove a " + s.status().dockerName() + " container " + id
                        + ". Stop the container before attempting removal or force remove");
            }
            InitSignaller.signal(s, Syscalls.SIGKILL);
            thawIfPaused(s);
            while (!Syscalls.awaitExit(s.monitorPid(), s.monitorStartTime(), 1000)) {
                // a container still starting (its start in another process) had no init to signal:
                // refreshed, it has one by now
                InitSignaller.signal(refresh(id), Syscalls.SIGKILL);
            }
            s = refresh(id);
        }
        cgroups.release(id);
        removedExits.record(id, s.exitCode());
        store.delete(id);
        locks.remove(id);
        signal.changed();
    }

    private Object lock(String id) {
        return locks.computeIfAbsent(id, k -> new Object());
    }

    public ContainerInspect inspect(String ref) {
        return refresh(resolve(ref)).inspect();
    }

    /**
     * The bytes in the container's writable layer (what it changed in its root filesystem), as
     * Docker's {@code SizeRw}.
     */
    public long writableLayerSize(String ref) {
        String id = resolve(ref);
        try {
            return Trees.size(store.upper(id));
        } catch (IOException e) {
            throw new EngineException("cannot measure the writable layer of container " + id + " in "
                    + store.upper(id) + ": " + e.getMessage(), e);
        }
    }

    /** Work on a container's root filesystem, given a descriptor of it. */
    public interface RootAction<T> {
        T run(RootFd root) throws IOException;
    }

    /**
     * Runs {@code action} on the container's root as the container sees it, its volumes and binds
     * included. A running container's root is its PID 1's ({@code /proc/PID/root}, checked to be
     * the monitor's child after it is opened). A stopped one's is mounted for the action alone by a
     * helper of the launcher, in a mount namespace of its own, while the container's lock keeps it
     * from being started (two overlay mounts must never share an upper folder).
     *
     * @param what what is being done, to prefix an I/O error's message
     */
    public <T> T withRoot(String ref, String what, RootAction<T> action) {
        String id = resolve(ref);
        try {
            ContainerState s = refresh(id);
            if (s.live()) {
                try (RootFd root = runningRoot(s)) {
                    return action.run(root);
                }
            }
            synchronized (lock(id)) {
                s = refresh(id);
                if (s.live()) {
                    try (RootFd root = runningRoot(s)) {
                        return action.run(root);
                    }
                }
                CreateOptions options = store.config(id);
                LaunchSpec spec = LaunchSpecFactory.launch(id, store, options, List.of(), Map.of(),
                        files.prepare(id, store.dir(id), LaunchSpecFactory.hostname(id, options), options));
                try (Launcher.RootHold hold = launcher.holdRoot(spec); RootFd root = RootFd.ofProcess(hold.pid())) {
                    return action.run(root);
                }
            }
        } catch (IOException e) {
            throw new EngineException(what + ": " + e.getMessage(), e);
        }
    }

    private static RootFd runningRoot(ContainerState s) throws IOException {
        RootFd root = RootFd.ofProcess(s.initPid());
        // opened first, checked after: a PID is not reused while its process is the monitor's child
        if (Syscalls.parentPid(s.initPid()).orElse(-1) != s.monitorPid()
                || !Syscalls.isAlive(s.monitorPid(), s.monitorStartTime())) {
            root.close();
            throw new EngineException("container " + s.id() + " stopped while its files were being reached;"
                    + " try again");
        }
        return root;
    }

    /** Every container, oldest first. */
    public List<ContainerInspect> list() {
        return store.loadAll().stream().map(this::advance)
                .sorted((a, b) -> a.createdAt().compareTo(b.createdAt())).map(ContainerState::inspect).toList();
    }

    /** Runs a further process in a running container and waits for it. */
    public ExecResult exec(String ref, ExecOptions options) {
        return exec(ref, options, null);
    }

    /**
     * Runs a further process in a running container and waits for it at most {@code timeout}
     * (null: for ever); past it the process's group is killed and the result says so.
     */
    public ExecResult exec(String ref, ExecOptions options, Duration timeout) {
        String id = resolve(ref);
        ContainerState s = runningForExec(id);
        CreateOptions config = store.config(id);
        return launcher.exec(LaunchSpecFactory.exec(id, s.initPid(), s.monitorPid(), config, options,
                cgroups.prepare(id, config)), store.dir(id), timeout);
    }

    /**
     * Starts a further process in a running container and returns at once; its stdio are pipes
     * to this process. With {@link ExecOptions#tty()} it runs on a terminal of its own.
     */
    public ExecProcess startExec(String ref, ExecOptions options) {
        String id = resolve(ref);
        ContainerState s = runningForExec(id);
        CreateOptions config = store.config(id);
        ExecSpec spec = LaunchSpecFactory.exec(id, s.initPid(), s.monitorPid(), config, options,
                cgroups.prepare(id, config));
        Path control = null;
        if (options.tty()) {
            control = store.dir(id).resolve("exec-" + HexFormat.of().formatHex(randomBytes()).substring(0, 16) + ".ctl");
            try {
                Syscalls.mkfifo(control, 0600);
            } catch (IOException e) {
                throw new EngineException("cannot start an exec with a TTY in container " + id + ": "
                        + e.getMessage(), e);
            }
        }
        return launcher.startExec(spec, store.dir(id), control);
    }

    private ContainerState runningForExec(String id) {
        ContainerState s = refresh(id);
        if (s.status() == ContainerStatus.PAUSED) {
            throw new ContainerStateException("Container " + id + " is paused, unpause the container before exec");
        }
        if (s.status() != ContainerStatus.RUNNING) {
            throw new ContainerStateException("Container " + id + " is not running: start it before exec");
        }
        return s;
    }

    /**
     * Resolves {@code user} ({@code name|uid[:group|gid]}) as an exec in the container runs as it:
     * against the /etc/passwd and /etc/group of the container's own root filesystem (its writable
     * layer over the image's), never the host's.
     */
    public ResolvedUser resolveUser(String ref, String user) {
        String id = resolve(ref);
        CreateOptions config = store.config(id);
        List<Path> layers = new ArrayList<>();
        if (config.layerDirs().isEmpty()) {
            layers.add(store.rootfs(id));
        } else {
            layers.add(store.upper(id));
            layers.addAll(new ArrayList<>(config.layerDirs()).reversed());
        }
        try {
            return UserResolver.resolve(user, List.of(), new LayeredRootfs(layers));
        } catch (UncheckedIOException e) {
            throw new EngineException("cannot resolve the user \"" + user + "\" in container " + id + ": "
                    + e.getMessage(), e);
        }
    }

    /** Freezes every process of a running container (Docker's pause). */
    public void pause(String ref) {
        String id = resolve(ref);
        synchronized (lock(id)) {
            ContainerState s = refresh(id);
            if (s.status() == ContainerStatus.PAUSED) {
                throw new ContainerStateException("Container " + id + " is already paused");
            }
            if (s.status() != ContainerStatus.RUNNING) {
                throw new ContainerStateException("Container " + id + " is not running");
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
                throw new ContainerStateException("Container " + id + " is not paused");
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

    /**
     * The monitor of a running container, as its state records it: {@code [pid, startTime]}; empty
     * when it is not running, or its monitor is not recorded yet.
     */
    Optional<long[]> monitor(String id) {
        return store.state(id).filter(s -> s.live() && s.monitorPid() > 0)
                .map(s -> new long[] {s.monitorPid(), s.monitorStartTime()});
    }

    /** The options a container was created with. */
    public CreateOptions config(String ref) {
        return store.config(resolve(ref));
    }

    /** Whether the container with this full ID is (still) listed: another process may remove it. */
    public boolean exists(String id) {
        return store.state(id).isPresent();
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
            log.follow(sink, () -> options.stop().getAsBoolean() || !refresh(id).live());
        } else {
            log.read(sink);
        }
        return new LogsReport(log.warning().map(w -> logWarning(id, w)).stream().toList());
    }

    /**
     * Attaches to the container: its output from now ({@code history}: from the start of its log)
     * until its current run ends, or, when it is not running, until its next run ends.
     */
    public LogAttachment attach(String ref, boolean history) {
        String id = resolve(ref);
        ContainerState at = refresh(id);
        CreateOptions config = store.config(id);
        JsonFileLog log = new JsonFileLog(store.logFile(id), config.log().maxFile(),
                store.dir(id).resolve(JsonFileLog.WARNING_FILE));
        boolean wasLive = at.live();
        String finishedBefore = at.inspect().finishedAt();
        BooleanSupplier ended = () -> {
            ContainerState now;
            try {
                now = refresh(id);
            } catch (NoSuchContainerException removed) {
                return true;
            }
            return !now.live() && (wasLive || !Objects.equals(now.inspect().finishedAt(), finishedBefore));
        };
        BooleanSupplier running = () -> {
            try {
                return refresh(id).live();
            } catch (NoSuchContainerException removed) {
                return false;
            }
        };
        return new LogAttachment(log, history ? null : log.openAtEnd(), ended, running,
                config.openStdin() ? store.controlFifo(id) : null);
    }

    /** Sets the window size of the terminal of a running container created with a TTY. */
    public void resize(String ref, int rows, int columns) {
        String id = resolve(ref);
        if (!refresh(id).live() || !store.config(id).tty()) {
            throw new EngineException("cannot resize container " + id + ": it is not running with a TTY");
        }
        try (ControlFifo control = ControlFifo.open(store.controlFifo(id))) {
            control.resize(rows, columns);
        } catch (IOException e) {
            throw new EngineException("cannot resize the TTY of container " + id + " through "
                    + store.controlFifo(id) + ": " + e.getMessage(), e);
        }
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

    /** Containers are read from disk each time: other processes on the data root create and remove them too. */
    private String resolve(String ref) {
        if (store.state(ref).isPresent()) {
            return ref;
        }
        List<ContainerState> all = store.loadAll();
        Optional<ContainerState> byName = all.stream().filter(s -> s.name().equals(ref)).findFirst();
        if (byName.isPresent()) {
            return byName.get().id();
        }
        List<String> prefixed = all.stream().map(ContainerState::id).filter(id -> id.startsWith(ref)).toList();
        if (prefixed.size() == 1 && !ref.isEmpty()) {
            return prefixed.getFirst();
        }
        throw prefixed.size() > 1
                ? new EngineException("container reference \"" + ref + "\" is ambiguous: give more characters of the ID")
                : new NoSuchContainerException(ref);
    }

    /** The container's state brought up to date with its monitor. */
    private ContainerState refresh(String id) {
        return advance(store.state(id).orElseThrow(() -> new NoSuchContainerException(id)));
    }

    /**
     * Brings a state read from disk up to date with the container's monitor: the monitor writes
     * exit.json before it exits, so once it is gone the exit status is on disk. Covers what a
     * process killed while starting the container left: a monitor recorded without its init, and
     * an exit recorded by a monitor the state never heard of.
     */
    private ContainerState advance(ContainerState s) {
        String id = s.id();
        if (s.status() == ContainerStatus.CREATED) {
            // the process that started it was killed before it could record the monitor
            return store.exit(id).isPresent() ? transition(id) : s;
        }
        if (!s.live()) {
            return s;
        }
        if (Syscalls.isAlive(s.monitorPid(), s.monitorStartTime())) {
            return s.initPid() == 0 ? findInit(id) : s;
        }
        return transition(id);
    }

    /**
     * Records the init of a container whose monitor was recorded but whose start was not (the
     * starting process was killed, or still waits for the launcher): the monitor's only child.
     */
    private synchronized ContainerState findInit(String id) {
        return store.locked("cannot record the init process of container " + id, () -> {
            ContainerState s = store.state(id).orElseThrow(() -> new NoSuchContainerException(id));
            if (!s.live() || s.initPid() != 0) {
                return s;
            }
            OptionalLong init = Syscalls.onlyChild(s.monitorPid());
            // alive after the read: the child read was the monitor's, not that of a process given its PID
            if (init.isEmpty() || !Syscalls.isAlive(s.monitorPid(), s.monitorStartTime())) {
                return s;
            }
            ContainerState known = s.withInit(init.getAsLong());
            update(known);
            return known;
        });
    }

    /**
     * Records the end of a container whose monitor has exited, under the containers' lock and from
     * a fresh read of its state, so that two processes that notice it at once record it once.
     */
    private synchronized ContainerState transition(String id) {
        return store.locked("cannot record the exit of container " + id, () -> {
            ContainerState s = store.state(id).orElseThrow(() -> new NoSuchContainerException(id));
            boolean created = s.status() == ContainerStatus.CREATED;
            if (!created && !s.live() || s.live() && Syscalls.isAlive(s.monitorPid(), s.monitorStartTime())) {
                return s;
            }
            Optional<ExitRecord> exit = store.exit(id);
            if (created && exit.isEmpty()) {
                return s;
            }
            boolean oom = cgroups.oomKilled(id);
            ContainerState done = exit.map(e -> created
                            ? s.failedStart(e.exitCode(), e.finishedAt(), emptyToNull(e.error()))
                            : s.exited(e.exitCode(), e.finishedAt(), oom, emptyToNull(e.error())))
                    .orElseGet(() -> s.exited(255, now(), oom, "the monitor (PID " + s.monitorPid()
                            + ") ended without recording an exit status in " + store.dir(id).resolve("exit.json")
                            + ", so the exit code is unknown: it was killed, or it could not write there"
                            + " (is the data root full or read-only?)"));
            cgroups.release(id);
            update(done);
            if (!created) {
                exitListener.accept(done.inspect());
            }
            return done;
        });
    }

    private synchronized void update(ContainerState s) {
        store.save(s);
        signal.changed();
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
