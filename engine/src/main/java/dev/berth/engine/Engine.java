package dev.berth.engine;

import dev.berth.engine.core.EngineException;
import dev.berth.engine.cgroup.CgroupManager;
import dev.berth.engine.core.LogSink;
import dev.berth.engine.core.LogsOptions;
import dev.berth.engine.core.LogsReport;
import dev.berth.engine.cgroup.CgroupUsage;
import dev.berth.engine.cgroup.Cgroups;
import dev.berth.engine.core.WaitCondition;
import dev.berth.engine.image.DataRoot;
import dev.berth.engine.image.ImageReference;
import dev.berth.engine.image.ImageStore;
import dev.berth.engine.layer.NativeFileOps;
import dev.berth.engine.runtime.ContainerInspect;
import dev.berth.engine.runtime.ContainerStateException;
import dev.berth.engine.runtime.ExecOptions;
import dev.berth.engine.runtime.NoSuchContainerException;
import dev.berth.engine.runtime.ContainerRuntime;
import dev.berth.engine.runtime.Signals;
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
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

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

    /** Gives the image {@code source} names the new name {@code target}, as {@code docker tag}. */
    public void tagImage(String source, String target) {
        io("cannot tag " + source + " as " + target, () -> {
            images.tag(source, target);
            return null;
        });
    }

    /**
     * Untags the image, and deletes it when no name is left, as {@code docker rmi}: refused while a
     * container uses it unless {@code force}. Returns Docker's lines ({@code Untagged: …},
     * {@code Deleted: sha256:…}).
     */
    public List<String> removeImage(String ref, boolean force) {
        return io("cannot remove image " + ref, () -> images.remove(ref, force).lines());
    }

    /**
     * Loads the images of a {@code docker save} or OCI archive ({@code what} names it in errors);
     * returns Docker's lines ({@code Loaded image: busybox:latest}, or {@code Loaded image ID: …}).
     */
    public List<String> loadImages(InputStream archive, String what) {
        return io("cannot load " + what, () -> images.load(archive, what).lines());
    }

    /**
     * Stores a root filesystem tar as a one-layer image named {@code name}, as {@code docker import};
     * returns the new image's ID.
     */
    public String importImage(InputStream rootfsTar, String source, String name) {
        ImageReference ref = ImageReference.parse(name);
        if (ref.digest() != null) {
            throw new EngineException("cannot import as \"" + name + "\": an image name may not carry a digest");
        }
        return io("cannot import " + source, () -> images.importRootfs(rootfsTar, source, ref).id().toString());
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
        return creator.create(request);
    }

    /**
     * Starts a created or stopped container, as {@code docker start} does.
     *
     * @throws StartFailedException when its command could not be run, with Docker's exit code
     */
    public void start(String ref) {
        try {
            runtime.start(ref);
        } catch (LaunchFailedException e) {
            throw new StartFailedException(e.getMessage(), e.exitCode(), e);
        }
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
        if (timeout == null) {
            runtime.stop(ref);
        } else {
            runtime.stop(ref, timeout);
        }
    }

    /** Sends {@code signal} (a name such as {@code TERM} or {@code SIGTERM}, or a number) to the container. */
    public void kill(String ref, String signal) {
        runtime.kill(ref, signalNumber(signal));
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
        return runtime.writableSize(ref);
    }

    /** Docker's name of a signal number ({@code SIGTERM}), as inspect shows {@code Config.StopSignal}. */
    public static String signalName(int signal) {
        return Signals.name(signal);
    }

    /** Freezes every process of the container. */
    public void pause(String ref) {
        runtime.pause(ref);
    }

    /** Thaws a paused container. */
    public void unpause(String ref) {
        runtime.unpause(ref);
    }

    /**
     * Gives the container a new name, as {@code docker rename}.
     *
     * @throws EngineException with Docker's words when the name is empty, invalid, taken (a
     *                         {@link dev.berth.engine.runtime.NameConflictException}) or the current one
     */
    public void rename(String ref, String newName) {
        if (newName == null || newName.isEmpty() || newName.equals("/")) {
            throw new EngineException("Neither old nor new names may be empty");
        }
        RunRequestValidator.checkName(newName);
        runtime.rename(ref, RunRequestValidator.normalisedName(newName));
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
        return view(volumes.create(name == null ? VolumeNames.anonymous() : name, labels, options));
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
        volumes.remove(name, usage);
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
                    volumes.remove(name, others);
                }
            }
        }
        runtime.remove(id, force);
        execs.forgetContainer(id);
    }
}
