package dev.berth.engine.image;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One stored image, as {@code berth engine image ls} shows it.
 *
 * @param id the image ID: the digest of its config blob, as Docker computes it
 * @param manifest the digest of its manifest
 * @param references the references naming it, sorted; empty for a dangling image
 * @param created the config's creation time (RFC 3339), or null
 * @param size the size of its layer blobs in bytes, as stored
 * @param labels the labels of its config, sorted by key
 */
public record ImageSummary(Digest id, Digest manifest, List<ImageReference> references, String created, long size,
                           Map<String, String> labels) {

    public ImageSummary {
        references = List.copyOf(references);
        labels = Collections.unmodifiableMap(new TreeMap<>(labels));
    }
}
