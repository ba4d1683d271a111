package dev.berth.engine.image;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.berth.engine.core.EngineException;

/**
 * The most bytes berth reads of one piece of image metadata, which it holds in memory whole: a
 * huge or endless {@code index.json}, manifest or config costs a bounded amount of memory and
 * gives a clear error instead of exhausting the heap. The caps are far above what real images
 * use (a registry need accept manifests of at most 4 MiB, distribution-spec "Pushing Manifests").
 */
enum MetadataLimit {
    /** An image index: an archive's {@code index.json} or one nested in it, or {@code docker save}'s manifest.json. */
    INDEX("an image index", 4 << 20),
    /** An image manifest. */
    MANIFEST("an image manifest", 4 << 20),
    /** An image config (its history grows with the number of build steps). */
    CONFIG("an image config", 8 << 20),
    /** The store's own {@code index.json}, one line per tag. */
    STORE_INDEX("the image store's index", 64 << 20);

    private final String kind;
    private final int maxBytes;

    MetadataLimit(String kind, int maxBytes) {
        this.kind = kind;
        this.maxBytes = maxBytes;
    }

    int maxBytes() {
        return maxBytes;
    }

    /**
     * The whole file, read without ever holding more than the cap and one byte.
     *
     * @param what names the file in the error, such as {@code archive index.json}
     * @throws EngineException when the file is larger than the cap
     */
    byte[] read(Path file, String what) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, what);
        }
    }

    /** The rest of {@code in}, refused as {@link #read(Path, String)} refuses a file. */
    byte[] read(InputStream in, String what) throws IOException {
        byte[] bytes = in.readNBytes(maxBytes + 1);
        if (bytes.length > maxBytes) {
            throw tooLarge(what);
        }
        return bytes;
    }

    /** Refuses a descriptor that announces more bytes than the cap, before anything is read. */
    void checkDeclared(long size, String what) {
        if (size > maxBytes) {
            throw tooLarge(what);
        }
    }

    private EngineException tooLarge(String what) {
        return new EngineException(what + " is larger than " + (maxBytes >> 20) + " MiB, the most berth reads for "
                + kind + ": it is not image metadata berth can use");
    }
}
