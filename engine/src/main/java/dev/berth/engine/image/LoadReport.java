package dev.berth.engine.image;

import java.util.List;

/**
 * What {@link ImageStore#load} stored.
 *
 * @param images one entry per image in the archive, in archive order
 */
public record LoadReport(List<Loaded> images) {

    /** One loaded image and the references the archive gave it (possibly none). */
    public record Loaded(Digest id, List<ImageReference> references) {
        public Loaded {
            references = List.copyOf(references);
        }
    }

    public LoadReport {
        images = List.copyOf(images);
    }

    /** Docker's lines: {@code Loaded image: busybox:latest}, or {@code Loaded image ID: sha256:…}. */
    public List<String> lines() {
        return images.stream().flatMap(i -> i.references().isEmpty()
                ? java.util.stream.Stream.of("Loaded image ID: " + i.id())
                : i.references().stream().map(r -> "Loaded image: " + r.familiar())).toList();
    }
}
