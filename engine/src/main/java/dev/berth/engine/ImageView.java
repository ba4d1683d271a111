package dev.berth.engine;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A stored image as the engine shows it at its edge, in {@code docker images} terms.
 *
 * @param id          the image ID ({@code sha256:…}, the digest of its config)
 * @param names       the names it carries, sorted; empty for a dangling image
 * @param repoDigests {@code NAME@sha256:…} of its manifest, one per repository
 * @param created     the config's creation time (RFC 3339), or null
 * @param size        the size of its layers in bytes, as stored
 * @param labels      the labels of its config, sorted by key
 */
public record ImageView(String id, List<Name> names, List<String> repoDigests, String created, long size,
                        Map<String, String> labels) {

    public ImageView {
        names = List.copyOf(names);
        repoDigests = List.copyOf(repoDigests);
        labels = Collections.unmodifiableMap(new TreeMap<>(labels));
    }

    /** An image without labels. */
    public ImageView(String id, List<Name> names, List<String> repoDigests, String created, long size) {
        this(id, names, repoDigests, created, size, Map.of());
    }

    /** True when no name is left to it (Docker's "dangling" image, shown as {@code <none>:<none>}). */
    public boolean dangling() {
        return names.isEmpty();
    }

    /** The first 12 hex digits of the ID, as the docker CLI shows it. */
    public String shortId() {
        return id.substring(id.indexOf(':') + 1, id.indexOf(':') + 13);
    }

    /** Docker's {@code RepoTags}: each name in its familiar form, e.g. {@code busybox:latest}. */
    public List<String> repoTags() {
        return names.stream().map(Name::familiar).toList();
    }

    /**
     * One name of an image, as Docker shows it.
     *
     * @param repository the familiar repository: {@code busybox}, {@code user/app}, {@code localhost:5000/app}
     * @param tag        the tag, or null for a name by digest
     * @param familiar   the whole familiar reference, e.g. {@code busybox:latest}
     */
    public record Name(String repository, String tag, String familiar) {
    }
}
