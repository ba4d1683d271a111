package dev.berth.engine.volume;

import dev.berth.engine.runtime.etc.LayeredRootfs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Prepares the host side of a container's mounts before the launcher mounts them: bind sources
 * checked or created, volumes created (anonymous ones with a fresh name) and filled from the
 * image on their first mount.
 */
public final class MountPlanner {

    private final VolumeStore volumes;

    public MountPlanner(VolumeStore volumes) {
        this.volumes = volumes;
    }

    /** What the launcher bind-mounts: a host directory or file, at a container path. */
    public record PlannedBind(Path hostPath, String target, boolean readOnly, String volumeName) {
    }

    /**
     * Returns the host path to bind for a bind mount, creating a missing directory when the spec
     * asks for it.
     *
     * @throws VolumeException {@code invalid mount config for type "bind": bind source path does
     *                         not exist: PATH} when it is missing and may not be created
     */
    public PlannedBind planBind(MountSpec.Bind bind) {
        if (!Files.exists(bind.source())) {
            if (!bind.createHostPath()) {
                throw new VolumeException("invalid mount config for type \"bind\": bind source path does"
                        + " not exist: " + bind.source());
            }
            try {
                Files.createDirectories(bind.source());
            } catch (IOException e) {
                throw new VolumeException("create bind source " + bind.source() + " for " + bind.target()
                        + ": " + e.getMessage(), e);
            }
        }
        return new PlannedBind(bind.source(), bind.target(), bind.readOnly(), "");
    }

    /**
     * Creates the volume if needed (named volumes idempotently, anonymous ones always anew), fills
     * it from {@code imageContent} (the image's directory at the target, in the container rootfs)
     * when it is empty and {@code nocopy} is not set, and returns the host path to bind.
     */
    public PlannedBind planVolume(MountSpec.Volume spec, Path imageContent, Map<String, String> labels) {
        return planVolume(spec, labels, volume -> volumes.copyUpIfEmpty(volume, imageContent));
    }

    /**
     * Like {@link #planVolume(MountSpec.Volume, Path, Map)}, reading the image's content at the
     * mount target through its layers, so the rootfs need not be mounted in the engine's view.
     */
    public PlannedBind planVolume(MountSpec.Volume spec, LayeredRootfs image, Map<String, String> labels) {
        return planVolume(spec, volumeName(spec), image, labels);
    }

    /**
     * The name of the volume {@code spec} mounts: its own, or a new anonymous one. A caller that must
     * record the name before the volume exists takes it here and passes it to
     * {@link #planVolume(MountSpec.Volume, String, LayeredRootfs, Map)}.
     */
    public static String volumeName(MountSpec.Volume spec) {
        return spec.anonymous() ? VolumeNames.anonymous() : spec.name();
    }

    /** As {@link #planVolume(MountSpec.Volume, LayeredRootfs, Map)}, with the volume's name from {@link #volumeName}. */
    public PlannedBind planVolume(MountSpec.Volume spec, String name, LayeredRootfs image, Map<String, String> labels) {
        return planVolume(spec, name, labels, volume -> volumes.copyUpIfEmpty(volume, image, spec.target()));
    }

    private PlannedBind planVolume(MountSpec.Volume spec, Map<String, String> labels,
                                   Consumer<VolumeRecord> copyUpIfEmpty) {
        return planVolume(spec, volumeName(spec), labels, copyUpIfEmpty);
    }

    private PlannedBind planVolume(MountSpec.Volume spec, String name, Map<String, String> labels,
                                   Consumer<VolumeRecord> copyUpIfEmpty) {
        VolumeRecord volume = spec.anonymous() ? volumes.createAnonymous(name, labels)
                : volumes.create(name, labels, Map.of());
        if (!spec.noCopy()) {
            copyUpIfEmpty.accept(volume);
        }
        return new PlannedBind(volume.mountpoint(), spec.target(), spec.readOnly(), volume.name());
    }
}
