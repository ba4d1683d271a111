package dev.berth.engine.image;

import java.util.List;

/**
 * One stored image, as {@code berth engine image ls} shows it.
 *
 * @param id the image ID: the digest of its config blob, as Docker computes it
 * @param manifest the digest of its manifest
 * @param references the references naming it, sorted; empty for a dangling image
 * @param created the config's creation time (RFC 3339), or null
 * @param size the size of its layer blobs in bytes, as stored
 */
public record ImageSummary(Digest id, Digest manifest, List<ImageReference> references, String created, long size) {

    public ImageSummary {
        references = List.copyOf(references);
    }
}
