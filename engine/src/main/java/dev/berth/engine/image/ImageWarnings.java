package dev.berth.engine.image;

import java.util.function.Consumer;

/** Where the image store's warnings go when its user names no other place. */
final class ImageWarnings {

    /** Each warning as one {@code WARNING: …} line on standard error, as the docker CLI prints them. */
    static final Consumer<String> STANDARD_ERROR = w -> System.err.println("WARNING: " + w);

    private ImageWarnings() {
    }
}
