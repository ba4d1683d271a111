package dev.berth.engine.image;

/**
 * A resolved image that {@link ImageStore#remove} will not delete until this hold is closed: taken
 * by whoever creates a container from the image, and closed once the container exists (from then
 * on {@link ImageUsage} reports the container as the image's user). Closing twice is harmless.
 */
public final class ImageHold implements AutoCloseable {

    private final ResolvedImage image;
    private final ImageHolds holds;
    private boolean closed;

    ImageHold(ResolvedImage image, ImageHolds holds) {
        this.image = image;
        this.holds = holds;
    }

    /** The image, with its unpacked layers, as {@link ImageStore#resolve(String)} returns it. */
    public ResolvedImage image() {
        return image;
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            holds.release(image.id());
        }
    }
}
