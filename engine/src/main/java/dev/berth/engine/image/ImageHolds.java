package dev.berth.engine.image;

import java.util.HashMap;
import java.util.Map;

/** The images held open by {@link ImageHold}s in this JVM, counted per image ID. */
final class ImageHolds {

    private final Map<Digest, Integer> counts = new HashMap<>();

    synchronized ImageHold take(ResolvedImage image) {
        counts.merge(image.id(), 1, Integer::sum);
        return new ImageHold(image, this);
    }

    synchronized void release(Digest imageId) {
        counts.computeIfPresent(imageId, (id, n) -> n == 1 ? null : n - 1);
    }

    synchronized boolean isHeld(Digest imageId) {
        return counts.containsKey(imageId);
    }
}
