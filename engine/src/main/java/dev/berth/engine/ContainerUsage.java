package dev.berth.engine;

import dev.berth.engine.image.Digest;
import dev.berth.engine.image.ImageUsage;
import dev.berth.engine.runtime.ContainerInspect;
import dev.berth.engine.runtime.ContainerRuntime;
import dev.berth.engine.volume.VolumeUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Answers the image and volume stores' "is it in use?" from the runtime's containers, running or
 * not, as Docker refuses {@code image rm} and {@code volume rm} while any container refers to them.
 */
final class ContainerUsage implements ImageUsage, VolumeUsage {

    private final ContainerRuntime runtime;

    ContainerUsage(ContainerRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public Optional<String> containerUsing(Digest imageId) {
        String id = imageId.toString();
        return runtime.list().stream().map(ContainerInspect::id)
                .filter(c -> id.equals(runtime.config(c).imageId())).findFirst();
    }

    /** The containers that mount the volume, then those being created (in any process) that will. */
    @Override
    public List<String> containersUsing(String volumeName) {
        List<String> users = new ArrayList<>(runtime.list().stream().map(ContainerInspect::id)
                .filter(c -> runtime.config(c).volumes().contains(volumeName)).toList());
        users.addAll(runtime.creatingWith(volumeName));
        return users;
    }
}
