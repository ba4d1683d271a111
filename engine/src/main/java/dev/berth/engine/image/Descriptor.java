package dev.berth.engine.image;

import java.util.Map;

/**
 * A content descriptor (OCI image-spec {@code descriptor.md}): what a blob is, its digest and size.
 *
 * @param mediaType the blob's media type; may be null where the format leaves it out
 * @param digest the blob's digest
 * @param size the blob's size in bytes
 * @param annotations the descriptor's annotations, possibly empty
 */
public record Descriptor(String mediaType, Digest digest, long size, Map<String, String> annotations) {

    public Descriptor {
        annotations = Map.copyOf(annotations);
    }

    public Descriptor(String mediaType, Digest digest, long size) {
        this(mediaType, digest, size, Map.of());
    }
}
