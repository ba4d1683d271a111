package dev.berth.engine;

import dev.berth.engine.cgroup.CgroupManager;
import dev.berth.engine.cgroup.Cgroups;
import dev.berth.engine.image.DataRoot;
import dev.berth.engine.image.ImageStore;
import dev.berth.engine.layer.NativeFileOps;
import dev.berth.engine.runtime.CreateOptions;
import dev.berth.engine.runtime.Runtime;
import dev.berth.engine.runtime.launch.Launcher;
import dev.berth.engine.runtime.launch.LauncherBinary;
import dev.berth.engine.volume.VolumeStore;
import dev.berth.engine.volume.VolumeUsage;
import java.nio.file.Path;

/**
 * berth's engine on one data root, in this process: the image store, the volume store and the
 * runtime, wired together (cgroups per container, generated /etc files, "in use" answers for
 * image and volume removal). Containers outlive this object; a new one on the same data root
 * re-adopts them.
 */
public final class Engine {

    private final ImageStore images;
    private final VolumeStore volumes;
    private final Runtime runtime;
    private final ContainerUsage usage;
    private final ContainerCreator creator;

    private Engine(Path dataRoot, CgroupManager cgroups, Launcher launcher) {
        DataRoot.requireFolder(dataRoot);
        this.runtime = new Runtime(dataRoot, launcher, new ContainerCgroups(cgroups), GeneratedEtcFiles.fromHost());
        this.usage = new ContainerUsage(runtime);
        this.images = new ImageStore(dataRoot, new NativeFileOps(), usage);
        this.volumes = new VolumeStore(dataRoot);
        this.creator = new ContainerCreator(images, volumes, runtime, !cgroups.filtersDevices());
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

    public ImageStore images() {
        return images;
    }

    public VolumeStore volumes() {
        return volumes;
    }

    public Runtime runtime() {
        return runtime;
    }

    /** Who uses a volume, for {@link VolumeStore#remove(String, VolumeUsage)}. */
    public VolumeUsage volumeUsage() {
        return usage;
    }

    /**
     * Creates a container (not started) as {@code docker create} does; returns its ID.
     *
     * @throws EngineException with Docker's message when the image, user, mounts or limits are
     *                         not usable; nothing is left behind then
     */
    public String create(RunRequest request) {
        return creator.create(request);
    }

    /**
     * Removes a container; with {@code removeVolumes} also the anonymous volumes made for it, as
     * {@code docker rm -v} and {@code docker run --rm} do. Named volumes stay.
     */
    public void remove(String ref, boolean force, boolean removeVolumes) {
        CreateOptions config = runtime.config(ref);
        runtime.remove(ref, force);
        if (removeVolumes) {
            for (String name : config.anonymousVolumes()) {
                if (volumes.find(name).isPresent()) {
                    volumes.remove(name, usage);
                }
            }
        }
    }
}
