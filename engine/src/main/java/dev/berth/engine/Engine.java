package dev.berth.engine;

import dev.berth.engine.archive.PathStat;
import dev.berth.engine.archive.RootArchives;
import dev.berth.engine.cgroup.CgroupManager;
import dev.berth.engine.cgroup.CgroupUsage;
import dev.berth.engine.cgroup.Cgroups;
import dev.berth.engine.core.EngineException;
import dev.berth.engine.core.Health;
import dev.berth.engine.core.LogSink;
import dev.berth.engine.core.LogsOptions;
import dev.berth.engine.core.LogsReport;
import dev.berth.engine.core.WaitCondition;
import dev.berth.engine.image.DataRoot;
import dev.berth.engine.image.ImageHistory;
import dev.berth.engine.image.ImageReference;
import dev.berth.engine.image.ImageStore;
import dev.berth.engine.image.LoadReport;
import dev.berth.engine.image.Platform;
import dev.berth.engine.layer.NativeFileOps;
import dev.berth.engine.layer.Trees;
import dev.berth.engine.runtime.ContainerInspect;
import dev.berth.engine.runtime.ContainerRuntime;
import dev.berth.engine.runtime.ContainerStateException;
import dev.berth.engine.runtime.CreateOptions;
import dev.berth.engine.runtime.ExecOptions;
import dev.berth.engine.runtime.NoSuchContainerException;
import dev.berth.engine.runtime.Signals;
import dev.berth.engine.runtime.Supervision;
import dev.berth.engine.runtime.launch.LaunchFailedException;
import dev.berth.engine.runtime.launch.Launcher;
import dev.berth.engine.runtime.launch.LauncherBinary;
import dev.berth.engine.volume.NoSuchVolumeException;
import dev.berth.engine.volume.VolumeFilter;
import dev.berth.engine.volume.VolumeInUseException;
import dev.berth.engine.volume.VolumeNames;
import dev.berth.engine.volume.VolumeRecord;
import dev.berth.engine.volume.VolumeStore;
import dev.berth.engine.volume.VolumeUsage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * berth's engine on one data root, in this process: the image store, the volume store and the
 * runtime, wired together (cgroups per container, generated /etc files, "in use" answers for
 * image and volume removal). Containers outlive this object; a new one on the same data root
 * re-adopts them.
 */
public final class Engine {

    private final Path dataRoot;
    private final ImageStore images;
    private final VolumeStore volumes;
    private final ContainerRuntime runtime;
    private final ContainerUsage usage;
    private final ContainerCreator creator;
    private final ContainerViews views;
    private final EventBus events = new EventBus();
    private final EventEmitter emit;
    private final ExecRegistry execs;
    private final ContainerCgroups containerCgroups;
    private final HostCpu host = new HostCpu(Path.of("/proc"));

    private Engine(Path dataRoot, CgroupManager cgroups, Launcher launcher) {
        DataRoot.requireFolder(dataRoot);
        this.dataRoot = dataRoot;
        this.containerCgroups = new ContainerCgroups(cgroups);
        this.runtime = new ContainerRuntime(dataRoot, launcher, containerCgroups, GeneratedEtcFiles.fromHost());
        this.usage = new ContainerUsage(runtime);
        this.images = new ImageStore(dataRoot, new NativeFileOps(), usage);
        this.volumes = new VolumeStore(dataRoot);
        this.creator = new ContainerCreator(images, volumes, runtime, !cgroups.filtersDevices());
        this.views = new ContainerViews(volumes);
        this.emit = new EventEmitter(events, runtime);
        runtime.onExit(c -> emit.container(c, "die", Map.of("exitCode", Integer.toString(c.exitCode()))));
        this.execs = new ExecRegistry(runtime);
        sweep();
    }

    /**
     * Cleans up after engine processes killed on this data root, as Docker's daemon does when it
     * starts: half-made and half-removed containers and volumes go, with the anonymous volumes a
     * killed create had made; {@code --rm} containers that ended after their client died are removed
     * with their anonymous volumes. What another process removes first is not an error.
     */
    private void sweep() {
        volumes.sweep();
        ContainerRuntime.Sweep found = runtime.sweep();
        for (String name : found.abandonedAnonymousVolumes()) {
            try {
                volumes.remove(name, usage);
            } catch (NoSuchVolumeException gone) {
                // never made, or removed by another process's sweep
            } catch (VolumeInUseException kept) {
                // Docker keeps an anonymous volume another container mounts too (--volumes-from)
            }
        }
        for (String id : found.toAutoRemove()) {
            try {
                remove(id, true, true);
            } catch (NoSuchContainerException | NoSuchVolumeException gone) {
                // removed by another process's sweep
            } catch (VolumeInUseException kept) {
                // the container is gone; its anonymous volume stays while another container mounts it
            }
        }
    }

    /** The parent cgroup of containers' cgroups unless another is given. */
    public static final String DEFAULT_CGROUP_PARENT = CgroupManager.DEFAULT_PARENT;

    /** The engine on {@code dataRoot} with this host's cgroups, containers under {@code cgroupParent}. */
    public static Engine open(Path dataRoot, String cgroupParent) {
        return open(dataRoot, Cgroups.detect(cgroupParent));
    }

    /**
     * The engine on {@code dataRoot} with this host's cgroups, containers under the {@code berth} cgroup.
     *
     * @throws EngineException when {@code dataRoot} exists and is not a folder
     */
    public static Engine open(Path dataRoot) {
        return open(dataRoot, Cgroups.detect());
    }

    /** The engine on {@code dataRoot} with containers' cgroups made by {@code cgroups} (tests use their own parent). */
    public static Engine open(Path dataRoot, CgroupManager cgroups) {
        return new Engine(dataRoot, cgroups, new Launcher(LauncherBinary.locate()));
    }

    /** The image store, for the engine's own tests; others use the image methods below. */
    ImageStore imageStore() {
        return images;
    }

    /** Every stored image, as {@code docker images} lists them. */
    public List<ImageView> images() {
        return io("cannot list the images in " + dataRoot, () -> images.list().stream().map(ImageViews::of).toList());
    }

    /** The image named by {@code ref} (a name, an ID or an ID prefix) and its configuration. */
    public ImageDetails inspectImage(String ref) {
        return io("cannot read image " + ref + " in " + dataRoot, () -> {
            var summary = images.inspect(ref);
            return ImageViews.of(summary, images.config(summary.id().toString()));
        });
    }

    /** The OCI architecture of the images this engine runs and makes ({@code amd64}, {@code arm64}…). */
    public static String architecture() {
        return Platform.architecture();
    }

    /** Gives the image {@code source} names the new name {@code target}, as {@code docker tag}. */
    public void tagImage(String source, String target) {
        io("cannot tag " + source + " as " + target, () -> {
            images.tag(source, target);
            emit.image(images.inspect(target).id().toString(), "tag", target);
            return null;
        });
    }

    /**
     * The engine's events: the last {@link EventBus#HISTORY} kept, the new ones as they happen
     * ({@code GET /events}).
     */
    public EventBus events() {
        return events;
    }

    /**
     * Untags the image, and deletes it when no name is left, as {@code docker rmi}: refused while a
     * container uses it unless {@code force}. Returns Docker's lines ({@code Untagged: …},
     * {@code Deleted: sha256:…}).
     */
    public List<String> removeImage(String ref, boolean force) {
        return io("cannot remove image " + ref, () -> {
            String id = images.inspect(ref).id().toString();
            List<String> lines = images.remove(ref, force).lines();
            for (String line : lines) {
                if (line.startsWith("Untagged: ")) {
                    emit.image(id, "untag", line.substring("Untagged: ".length()));
                } else if (line.startsWith("Deleted: ")) {
                    String deleted = line.substring("Deleted: ".length());
                    emit.image(deleted, "delete", deleted);
                }
            }
            return lines;
        });
    }

    /**
     * Loads the images of a {@code docker save} or OCI archive ({@code what} names it in errors);
     * returns Docker's lines ({@code Loaded image: busybox:latest}, or {@code Loaded image ID: …}).
     */
    public List<String> loadImages(InputStream archive, String what) {
        return io("cannot load " + what, () -> {
            LoadReport report = images.load(archive, what);
            for (LoadReport.Loaded image : report.images()) {
                String id = image.id().toString();
                if (image.references().isEmpty()) {
                    emit.image(id, "load", id);
                }
                image.references().forEach(r -> emit.image(id, "load", r.familiar()));
            }
            return report.lines();
        });
    }

    /**
     * Stores a root filesystem tar as a one-layer image named {@code name}, as {@code docker import};
     * returns the new image's ID.
     */
    public String importImage(InputStream rootfsTar, String source, String name) {
        return importImage(rootfsTar, source, name, null, List.of());
    }

    /**
     * Stores a root filesystem tar (possibly compressed) as a one-layer image, as
     * {@code docker import} does; returns the new image's ID.
     *
     * @param name    the image's name ({@code repo[:tag]}), or null for an untagged image
     * @param message the history comment, or null for {@code Imported from SOURCE}
     * @param changes Dockerfile instructions for the image's config, as {@code docker import --change}
     *                takes them (CMD, ENTRYPOINT, ENV, EXPOSE, LABEL, STOPSIGNAL, USER, VOLUME, WORKDIR)
     */
    public String importImage(InputStream rootfsTar, String source, String name, String message,
                              List<String> changes) {
        ImageReference ref = name == null ? null : ImageReference.parse(name);
        if (ref != null && ref.digest() != null) {
            throw new EngineException("cannot import as \"" + name + "\": an image name may not carry a digest");
        }
        return io("cannot import " + source, () -> {
            String id = images.importRootfs(rootfsTar, source, ref, message, changes).id().toString();
            emit.image(id, "import", id);
            return id;
        });
    }

    /**
     * The steps that made an image, newest first, as {@code docker history} shows them: the top step
     * carries the image's ID and names, the others {@code <missing>} (berth keeps no image per step).
     */
    public List<ImageHistoryStep> imageHistory(String ref) {
        return io("cannot read the history of image " + ref, () -> {
            var summary = images.inspect(ref);
            List<ImageHistoryStep> steps = new ArrayList<>();
            List<ImageHistory.Step> oldestFirst = images.history(summary.id().toString());
            for (int i = oldestFirst.size() - 1; i >= 0; i--) {
                ImageHistory.Step s = oldestFirst.get(i);
                boolean top = i == oldestFirst.size() - 1;
                steps.add(new ImageHistoryStep(top ? summary.id().toString() : ImageHistoryStep.MISSING, s.created(),
                        s.createdBy(), top ? ImageViews.of(summary).repoTags() : List.of(), s.layerSize(),
                        s.comment()));
            }
            return steps;
        });
    }

    /**
     * Removes the images that {@code select} picks and no container uses, as {@code docker image
     * prune} does; returns Docker's lines and the bytes freed.
     */
    public ImagePruneReport pruneImages(Predicate<ImageView> select) {
        return io("cannot prune images in " + dataRoot, () -> {
            ImageStore.PruneReport report = images.prune(s -> select.test(ImageViews.of(s)));
            for (String line : report.lines()) {
                if (line.startsWith("Deleted: ")) {
                    String deleted = line.substring("Deleted: ".length());
                    emit.image(deleted, "delete", deleted);
                }
            }
            emit.prune(EngineEvent.IMAGE, report.spaceReclaimed());
            return new ImagePruneReport(report.lines(), report.spaceReclaimed());
        });
    }

    private interface IoAction<T> {
        T run() throws IOException;
    }

    /** Runs a store action; an I/O failure becomes an error saying what was being done. */
    private static <T> T io(String what, IoAction<T> action) {
        try {
            return action.run();
        } catch (IOException e) {
            throw new EngineException(what + ": " + e.getMessage(), e);
        }
    }

    /** The volume store, for the engine's own tests; others use the volume methods below. */
    VolumeStore volumes() {
        return volumes;
    }

    /** The runtime, for the engine's own tests; others use the container methods below. */
    ContainerRuntime runtime() {
        return runtime;
    }

    /** Who uses a volume, for {@link VolumeStore#remove(String, VolumeUsage)}; for the engine's own tests. */
    VolumeUsage volumeUsage() {
        return usage;
    }

    /**
     * Creates a container (not started) as {@code docker create} does; returns its ID. Without a
     * name it gets a generated {@code adjective_surname} one, as Docker gives.
     *
     * @throws EngineException with Docker's message when the image, user, mounts or limits are
     *                         not usable; nothing is left behind then
     */
    public String create(RunRequest request) {
        String id = creator.create(request);
        emit.container(runtime.inspect(id), "create", Map.of());
        return id;
    }

    /**
     * Starts a created or stopped container, as {@code docker start} does.
     *
     * @throws StartFailedException when its command could not be run, with Docker's exit code
     */
    public void start(String ref) {
        // Docker: a start by the user resets the restart count and lets the policy apply again
        start(ref, c -> true, Supervision::startedByUser);
    }

    /**
     * Starts the container if {@code when} holds (checked under its lock) with its supervision
     * changed by {@code change}; a healthcheck starts over as {@code starting}. Returns whether it
     * started (false when running already); emits {@code start}.
     */
    boolean start(String ref, Predicate<ContainerInspect> when, UnaryOperator<Supervision> change) {
        String id = runtime.inspect(ref).id();
        boolean healthchecked = hasHealthcheck(id);
        boolean started;
        try {
            started = runtime.start(id, when, s -> {
                Supervision next = change.apply(s);
                return healthchecked ? next.withHealth(Health.startingAfter(s.health())) : next;
            }, c -> emit.container(c, "start", Map.of()));
        } catch (LaunchFailedException e) {
            throw new StartFailedException(e.getMessage(), e.exitCode(), e);
        }
        return started;
    }

    /** True when the container runs a healthcheck (its own or its image's, not NONE). */
    boolean hasHealthcheck(String id) {
        // the creator stores none when neither the container nor its image has one, or it says NONE
        return runtime.config(id).healthcheck() != null;
    }

    /**
     * Stops (if running) and starts the container again, as {@code docker restart}: events
     * {@code kill}, {@code die}, {@code stop}, {@code start}, then {@code restart}.
     */
    public void restart(String ref, Duration timeout) {
        ContainerInspect c = runtime.inspect(ref);
        stop(c.id(), timeout);
        start(c.id());
        emit.container(c, "restart", Map.of());
    }

    /**
     * Renames a container, as {@code docker rename} (a leading slash is dropped); emits {@code rename}
     * with the old name (Docker's {@code oldName}, with its slash).
     *
     * @throws EngineException with Docker's message for an empty, invalid or unchanged name, or
     *                         {@link dev.berth.engine.runtime.NameConflictException} when it is taken
     */
    public void rename(String ref, String newName) {
        if (newName == null || newName.isEmpty() || newName.equals("/")) {
            throw new EngineException("Neither old nor new names may be empty");
        }
        RunRequestValidator.checkName(newName);
        String name = RunRequestValidator.normalisedName(newName);
        ContainerInspect c = runtime.inspect(ref);
        if (c.name().equals(name)) {
            throw new EngineException("Renaming a container with the same name as its current name");
        }
        String old = runtime.rename(c.id(), name);
        emit.container(runtime.inspect(c.id()), "rename", Map.of("oldName", "/" + old));
    }

    /** Publishes a container event (health_status) for the supervisor. */
    void containerEvent(String id, String action) {
        emit.container(runtime.inspect(id), action, Map.of());
    }

    /**
     * Reads the container's log into {@code sink}: what it has written so far, and with
     * {@code follow} also what it writes later, until it is no longer running. The report holds
     * what the container's monitor recorded about output it could not write.
     */
    public LogsReport logs(String ref, boolean follow, LogSink sink) {
        return runtime.logs(ref, new LogsOptions(follow), sink);
    }

    /**
     * As {@link #logs(String, boolean, LogSink)}, a follow ending early once {@code stop} holds
     * (checked while waiting for more output): the reader has gone or wants nothing more.
     */
    public LogsReport logs(String ref, boolean follow, BooleanSupplier stop, LogSink sink) {
        return runtime.logs(ref, new LogsOptions(follow, stop), sink);
    }

    /**
     * Attaches to a container, as {@code POST /containers/{id}/attach} does: from now on (with
     * {@code history}, from the start of its log) its output, until its current run ends or, when
     * it is not running, its next one; and its stdin when it has an open one.
     *
     * @throws ContainerStateException when it is paused
     */
    public ContainerAttachment attach(String ref, boolean history) {
        ContainerView container = inspect(ref);
        if (container.paused()) {
            throw new ContainerStateException("You cannot attach to a paused container, unpause it first");
        }
        return new ContainerAttachment(runtime.attach(container.id(), history), container);
    }

    /**
     * Sets the window size of a running container's terminal.
     *
     * @throws ContainerStateException when it is not running
     * @throws EngineException        when it has no terminal
     */
    public void resize(String ref, int rows, int columns) {
        ContainerView container = inspect(ref);
        if (!container.running()) {
            throw new ContainerStateException("Container " + container.id() + " is not running");
        }
        if (!container.tty()) {
            throw new EngineException("cannot resize container " + container.id()
                    + ": it has no TTY (create it with Tty, docker run -t)");
        }
        runtime.resize(container.id(), rows, columns);
    }

    /**
     * Stops a container: its stop signal, then SIGKILL after {@code timeout}, or after its own grace
     * period when {@code timeout} is null.
     */
    public void stop(String ref, Duration timeout) {
        stop(ref, timeout, null);
    }

    /**
     * As {@link #stop(String, Duration)}, sending {@code signal} (a name or number, as
     * {@code docker stop --signal} takes it) first instead of the container's stop signal when not null.
     */
    public void stop(String ref, Duration timeout, String signal) {
        int number = signal == null ? 0 : signalNumber(signal);
        ContainerInspect c = runtime.inspect(ref);
        if (!c.running()) {
            if (c.supervision().restarting()) {
                // a restart by its policy waits for its delay: the stop cancels it
                runtime.markStoppedByUser(c.id());
            }
            return;
        }
        // before the signal: its restart policy must not bring it back
        runtime.markStoppedByUser(c.id());
        CreateOptions config = runtime.config(c.id());
        emit.container(c, "kill", Map.of("signal", Integer.toString(number != 0 ? number : config.effectiveStopSignal())));
        runtime.stop(c.id(), timeout == null ? Duration.ofSeconds(config.effectiveStopTimeout()) : timeout, number);
        emit.container(c, "stop", Map.of());
    }

    /** Sends {@code signal} (a name such as {@code TERM} or {@code SIGTERM}, or a number) to the container. */
    public void kill(String ref, String signal) {
        int number = signalNumber(signal);
        ContainerInspect c = runtime.inspect(ref);
        if (c.running()) {
            // before the signal: its restart policy must not bring it back (Docker's HasBeenManuallyStopped)
            runtime.markStoppedByUser(c.id());
        }
        if (c.running()) {
            // before the signal, as its die may be recorded at once
            emit.container(c, "kill", Map.of("signal", Integer.toString(number)));
        }
        runtime.kill(c.id(), number);
    }

    /**
     * The number of a signal named as {@code docker kill --signal} takes it.
     *
     * @throws EngineException when it names no signal
     */
    public static int signalNumber(String signal) {
        return Signals.parse(signal);
    }

    /** The bytes the container has written to its writable layer ({@code SizeRw}). */
    public long writableSize(String ref) {
        return runtime.writableLayerSize(ref);
    }

    /** Docker's name of a signal number ({@code SIGTERM}), as inspect shows {@code Config.StopSignal}. */
    public static String signalName(int signal) {
        return Signals.name(signal);
    }

    /** Freezes every process of the container. */
    public void pause(String ref) {
        ContainerInspect c = runtime.inspect(ref);
        runtime.pause(c.id());
        emit.container(c, "pause", Map.of());
    }

    /** Thaws a paused container. */
    public void unpause(String ref) {
        ContainerInspect c = runtime.inspect(ref);
        runtime.unpause(c.id());
        emit.container(c, "unpause", Map.of());
    }

    /**
     * Begins a wait for {@code condition} on the container now, before it returns: an exit that
     * follows this call (say of a start requested next) is not missed. Wait with {@link ExitWatch#await}.
     */
    public ExitWatch watchExit(String ref, WaitCondition condition) {
        return new ExitWatch(runtime, runtime.markExit(ref), condition);
    }

    /**
     * The processes of a running container, as {@code docker top} shows them ({@code ps -ef}).
     *
     * @throws EngineException ({@link dev.berth.engine.runtime.ContainerStateException}) when it is not running
     */
    public ContainerProcesses top(String ref) {
        long init = runtime.initPid(ref);
        return ProcessTable.host().of(init, containerCgroups.pids(runtime.inspect(ref).id()));
    }

    /** One sample of what the container uses now; all zero when it is not running (it has no cgroup then). */
    public ContainerStats stats(String ref) {
        ContainerInspect c = runtime.inspect(ref);
        Instant read = Instant.now();
        long hostMemory = host.memoryBytes();
        var usage = c.running() ? containerCgroups.usage(c.id()) : java.util.Optional.<CgroupUsage>empty();
        if (usage.isEmpty()) {
            return new ContainerStats(read, new ContainerStats.Cpu(0, List.of(), 0, 0, 0, 0, 0), host.systemNanos(),
                    host.onlineCpus(), new ContainerStats.Memory(0, 0, 0, Map.of()), 0, 0, List.of(), List.of());
        }
        CgroupUsage u = usage.get();
        // the monitor lives in the container's cgroup, outside its PID namespace: not one of its processes
        long pids = u.pids() - (c.pid() == 0 ? 0 : new ProcessTable(Path.of("/proc"), Map.of())
                .outsideCount(c.pid(), containerCgroups.pids(c.id())));
        return new ContainerStats(read, new ContainerStats.Cpu(u.cpuNanos(), u.perCpuNanos(), u.userNanos(),
                u.systemNanos(), u.periods(), u.throttledPeriods(), u.throttledNanos()), host.systemNanos(),
                host.onlineCpus(), new ContainerStats.Memory(u.memoryBytes(), u.memoryMaxBytes(),
                        Math.min(u.memoryLimitBytes(), hostMemory), u.memoryStat()), Math.max(pids, 0), u.pidsLimit(),
                io(u.ioBytes()), io(u.ioOps()));
    }

    private static List<ContainerStats.Io> io(List<CgroupUsage.IoEntry> entries) {
        return entries.stream().map(e -> new ContainerStats.Io(e.major(), e.minor(), e.op(), e.value())).toList();
    }

    /** Waits until the container has ended; returns its exit code. */
    public int waitFor(String ref) {
        return runtime.waitFor(ref);
    }

    /** The container named by an ID, a unique ID prefix or its name. */
    public ContainerView inspect(String ref) {
        return views.of(runtime.inspect(ref), runtime.config(ref));
    }

    /** Docker's {@code State.Status} of every container (created, running, paused, exited), without reading their configuration. */
    public List<String> containerStatuses() {
        return runtime.list().stream().map(c -> c.status().dockerName()).toList();
    }

    /** Every container, the newest first. */
    public List<ContainerView> list() {
        List<ContainerView> all = new ArrayList<>();
        for (ContainerInspect c : runtime.list().reversed()) {
            try {
                all.add(views.of(c, runtime.config(c.id())));
            } catch (EngineException e) {
                // removed by another process between the listing and the read: no longer one to list
                if (runtime.exists(c.id())) {
                    throw e;
                }
            }
        }
        return all;
    }

    /**
     * The path {@code path} inside the container, running or not, resolved in its root as the
     * container sees it (its volumes and binds included); a symlink as the last element is
     * described itself, unless the path ends in {@code /} or {@code /.}.
     *
     * @throws RootArchives.NoSuchPathException when nothing is there
     */
    public ContainerPathStat statPath(String ref, String path) {
        PathStat s = inRoot(ref, path, "cannot read " + path + " in container " + ref,
                root -> new RootArchives(root).stat(path));
        return new ContainerPathStat(s.name(), s.size(), s.mode(), s.mtime(), s.linkTarget());
    }

    /** Writes a tar of {@code path} inside the container to {@code out}, as {@code docker cp} reads it. */
    public void archive(String ref, String path, OutputStream out) {
        inRoot(ref, path, "cannot copy " + path + " from container " + ref, root -> {
            new RootArchives(root).export(path, out);
            return null;
        });
    }

    /**
     * Extracts {@code tar} into the folder {@code path} inside the container, as {@code docker cp}
     * into a container does: every entry lands inside the container's root, whatever symlinks the
     * container or the tar hold.
     */
    public void extract(String ref, String path, InputStream tar, ExtractOptions options) {
        ContainerView container = inspect(ref);
        inRoot(ref, path, "cannot copy into " + path + " in container " + ref, root -> {
            new RootArchives(root).extract(path, tar, options.noOverwriteDirNonDir(), options.copyUidGid(),
                    folder -> writable(container, folder), new NativeFileOps());
            return null;
        });
    }

    /**
     * Whether {@code folder} (a container path free of symlinks) is writable in the container: on
     * the mount nearest above it, else on its root, which {@code --read-only} makes read-only.
     */
    static boolean writable(ContainerView container, String folder) {
        MountView nearest = null;
        for (MountView m : container.mounts()) {
            String d = m.destination().endsWith("/") && m.destination().length() > 1
                    ? m.destination().substring(0, m.destination().length() - 1) : m.destination();
            boolean under = folder.equals(d) || folder.startsWith(d.equals("/") ? "/" : d + "/");
            if (under && (nearest == null || d.length() > nearest.destination().length())) {
                nearest = m;
            }
        }
        return nearest != null ? nearest.readWrite() : !container.readOnlyRoot();
    }

    private <T> T inRoot(String ref, String path, String what, ContainerRuntime.RootAction<T> action) {
        try {
            return runtime.withRoot(ref, what, action);
        } catch (RootArchives.NoSuchPathException e) {
            throw e.inContainer(ref);
        }
    }

    /** Runs a further process in a running container and waits for it. */
    public ExecResult exec(String ref, ExecRequest request) {
        var result = runtime.exec(ref, new ExecOptions(request.command(), request.env(), request.workingDir(),
                null, 0, request.privileged()));
        return new ExecResult(result.exitCode(), result.stdout(), result.stderr());
    }

    /**
     * Records an exec instance in a running container, as {@code POST /containers/{id}/exec} does;
     * returns its ID. It is kept until the container is removed.
     *
     * @throws ContainerStateException with Docker's message when the container is not running or paused
     */
    public String createExec(String ref, ExecConfig config) {
        if (config.command().isEmpty()) {
            throw new EngineException("No exec command specified");
        }
        ContainerInspect container = runtime.inspect(ref);
        if (container.paused()) {
            throw new ContainerStateException("Container " + container.id() + " is paused, unpause the container before exec");
        }
        if (!container.running()) {
            throw new ContainerStateException("Container " + container.id() + " is not running");
        }
        return execs.create(container.id(), config);
    }

    /**
     * The exec instance with this ID.
     *
     * @throws NoSuchExecException when there is none
     */
    public ExecView inspectExec(String execId) {
        return execs.view(execId);
    }

    /**
     * Starts an exec instance's process for a caller that streams its stdio; the exit code is
     * recorded in the instance when the process ends, whether or not the caller reads on.
     *
     * @throws ExecStateException      when it runs or has run already
     * @throws ContainerStateException when its container no longer runs
     */
    public ExecStream startExec(String execId) {
        return execs.start(requireRunningContainer(execId));
    }

    /** Starts an exec instance's process in the background, with no stdin and its output dropped. */
    public void startExecDetached(String execId) {
        execs.startDetached(requireRunningContainer(execId));
    }

    private String requireRunningContainer(String execId) {
        ExecView exec = execs.view(execId);
        ContainerInspect container = runtime.inspect(exec.containerId());
        if (!container.running() && exec.exitCode() == null && exec.pid() == 0) {
            throw new ContainerStateException("Container " + container.id() + " is not running");
        }
        return execId;
    }

    /** Sets the window size of a running exec instance's terminal. */
    public void resizeExec(String execId, int rows, int columns) {
        execs.resize(execId, rows, columns);
    }

    /**
     * Creates a volume, or returns the existing one of that name, as {@code docker volume create}
     * does; a null name makes an anonymous-style random one.
     */
    public VolumeView createVolume(String name, Map<String, String> labels, Map<String, String> options) {
        VolumeView created = view(volumes.create(name == null ? VolumeNames.anonymous() : name, labels, options));
        emit.volume(created.name(), "create", created.driver());
        return created;
    }

    /** The volumes that every filter ({@code name=TEXT}, {@code label=KEY[=VALUE]}) lets through. */
    public List<VolumeView> volumes(List<String> filters) {
        return volumes.list(VolumeFilter.parse(filters)).stream().map(Engine::view).toList();
    }

    /** The volume of that name. */
    public VolumeView inspectVolume(String name) {
        return view(volumes.inspect(name));
    }

    /** Removes a volume no container uses. */
    public void removeVolume(String name) {
        String driver = volumes.inspect(name).driver();
        volumes.remove(name, usage);
        emit.volume(name, "destroy", driver);
    }

    /**
     * Removes the volumes that {@code select} picks and no container uses, as {@code docker volume
     * prune} does; a volume that a container takes while this runs stays.
     */
    public VolumePruneReport pruneVolumes(Predicate<VolumeView> select) {
        List<String> deleted = new ArrayList<>();
        long reclaimed = 0;
        for (VolumeRecord v : volumes.list(VolumeFilter.parse(List.of()))) {
            if (!select.test(view(v)) || !usage.containersUsing(v.name()).isEmpty()) {
                continue;
            }
            long size = io("cannot measure volume " + v.name(), () -> Trees.size(v.mountpoint()));
            try {
                volumes.remove(v.name(), usage);
            } catch (NoSuchVolumeException | VolumeInUseException raced) {
                // removed by another client, or taken by a container, since the listing
                continue;
            }
            emit.volume(v.name(), "destroy", v.driver());
            deleted.add(v.name());
            reclaimed += size;
        }
        emit.prune(EngineEvent.VOLUME, reclaimed);
        return new VolumePruneReport(deleted, reclaimed);
    }

    /** What images, containers and volumes take on disk, as {@code docker system df} shows it. */
    public DiskUsage diskUsage() {
        ImageStore.SpaceUse space = io("cannot measure the images in " + dataRoot, images::spaceUse);
        List<ContainerView> containers = list();
        Map<String, Long> usersOfImage = new java.util.HashMap<>();
        containers.forEach(c -> {
            if (c.imageId() != null) {
                usersOfImage.merge(c.imageId(), 1L, Long::sum);
            }
        });
        Map<String, Long> shared = new java.util.HashMap<>();
        space.sharedSize().forEach((id, bytes) -> shared.put(id.toString(), bytes));
        List<DiskUsage.ImageUse> imageUses = new ArrayList<>();
        Map<String, Long> imageSizes = new java.util.HashMap<>();
        for (ImageView image : images()) {
            imageSizes.put(image.id(), image.size());
            imageUses.add(new DiskUsage.ImageUse(image, usersOfImage.getOrDefault(image.id(), 0L),
                    shared.getOrDefault(image.id(), 0L)));
        }
        List<DiskUsage.ContainerUse> containerUses = new ArrayList<>();
        for (ContainerView c : containers) {
            long rw = runtime.writableLayerSize(c.id());
            containerUses.add(new DiskUsage.ContainerUse(c, rw, rw + imageSizes.getOrDefault(c.imageId(), 0L)));
        }
        List<DiskUsage.VolumeUse> volumeUses = new ArrayList<>();
        for (VolumeRecord v : volumes.list(VolumeFilter.parse(List.of()))) {
            long size = io("cannot measure volume " + v.name(), () -> Trees.size(v.mountpoint()));
            volumeUses.add(new DiskUsage.VolumeUse(view(v), size, usage.containersUsing(v.name()).size()));
        }
        return new DiskUsage(space.layersSize(), imageUses, containerUses, volumeUses);
    }

    private static VolumeView view(VolumeRecord v) {
        return new VolumeView(v.name(), v.driver(), v.labels(), v.options(), v.createdAt(), v.mountpoint().toString());
    }

    /**
     * Removes a container; with {@code removeVolumes} also the anonymous volumes made for it, as
     * {@code docker rm -v} and {@code docker run --rm} do. Named volumes stay.
     *
     * <p>The volumes go first, the container last: a process killed in between leaves a container
     * whose volumes are gone, which a later removal (or the sweep, for {@code --rm}) finishes,
     * rather than volumes that no container names any more and nothing would ever remove.
     */
    public void remove(String ref, boolean force, boolean removeVolumes) {
        ContainerInspect container = runtime.inspect(ref);
        String id = container.id();
        Map<String, String> attributes = emit.containerAttributes(id, container.name());
        if (force && container.running()) {
            // its restart policy must not start it again while it is being removed
            runtime.markStoppedByUser(id);
            emit.container(container, "kill", Map.of("signal", Integer.toString(Signals.parse("KILL"))));
        }
        List<String> anonymous = runtime.config(id).anonymousVolumes();
        if (removeVolumes && !anonymous.isEmpty() && (!container.running() || force)) {
            if (container.running()) {
                // as runtime.remove does with force: no grace period (a paused one is thawed first)
                runtime.stop(id, Duration.ZERO);
            }
            VolumeUsage others = name -> usage.containersUsing(name).stream().filter(user -> !user.equals(id))
                    .toList();
            for (String name : anonymous) {
                if (volumes.find(name).isPresent()) {
                    String driver = volumes.inspect(name).driver();
                    volumes.remove(name, others);
                    emit.volume(name, "destroy", driver);
                }
            }
        }
        runtime.remove(id, force);
        emit.containerWith(id, "destroy", attributes, Map.of());
        execs.forgetContainer(id);
    }
}
