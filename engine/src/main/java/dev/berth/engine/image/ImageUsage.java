package dev.berth.engine.image;

import java.util.Optional;

/** Tells the image store whether a container uses an image, so that removing it can be refused. */
@FunctionalInterface
public interface ImageUsage {

    /** No container uses any image (until the runtime plugs in its own answer). */
    ImageUsage NONE = imageId -> Optional.empty();

    /** The ID of a container that uses the image with this ID, if any. */
    Optional<String> containerUsing(Digest imageId);
}
