package dev.berth.engine;

import java.util.List;

/**
 * What the engine's objects take on disk, as {@code docker system df} shows it.
 *
 * @param layersSize the bytes of all distinct image layers, as stored
 */
public record DiskUsage(long layersSize, List<ImageUse> images, List<ContainerUse> containers,
                        List<VolumeUse> volumes) {

    public DiskUsage {
        images = List.copyOf(images);
        containers = List.copyOf(containers);
        volumes = List.copyOf(volumes);
    }

    /**
     * @param containers how many containers were created from it
     * @param sharedSize the bytes of its layers that other images use too
     */
    public record ImageUse(ImageView image, long containers, long sharedSize) {
    }

    /**
     * @param sizeRw     the bytes in its writable layer
     * @param sizeRootFs its writable layer and its image's layers together
     */
    public record ContainerUse(ContainerView container, long sizeRw, long sizeRootFs) {
    }

    /**
     * @param size     the bytes its files hold
     * @param refCount how many containers mount it
     */
    public record VolumeUse(VolumeView volume, long size, long refCount) {
    }
}
