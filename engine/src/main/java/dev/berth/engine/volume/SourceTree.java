package dev.berth.engine.volume;

import dev.berth.engine.runtime.etc.LayeredRootfs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A directory tree to fill a volume from: a plain host directory, or the merged view of an
 * image's layers at a path, so Java can read the image content the overlay would show without
 * mounting it. Relative paths use {@code /} and the root is {@code ""}.
 */
interface SourceTree {

    /** The host entry whose owner, mode and times the directory at {@code relative} takes. */
    Path directory(String relative);

    /** The visible entries of the directory at {@code relative}: name to host entry, sorted by name. */
    Map<String, Path> children(String relative) throws IOException;

    /** A plain host directory, walked without following symlinks. */
    static SourceTree of(Path root) {
        return new SourceTree() {
            @Override
            public Path directory(String relative) {
                return relative.isEmpty() ? root : root.resolve(relative);
            }

            @Override
            public Map<String, Path> children(String relative) throws IOException {
                Map<String, Path> children = new TreeMap<>();
                try (Stream<Path> entries = Files.list(directory(relative))) {
                    entries.forEach(entry -> children.put(entry.getFileName().toString(), entry));
                }
                return children;
            }
        };
    }

    /** The merged directory {@code directory} (a path without symlinks) of an image's layers. */
    static SourceTree of(LayeredRootfs image, String directory) {
        return new SourceTree() {
            @Override
            public Path directory(String relative) {
                return image.entry(join(relative)).orElseThrow();
            }

            @Override
            public Map<String, Path> children(String relative) {
                return image.list(join(relative));
            }

            private String join(String relative) {
                return relative.isEmpty() ? directory : directory + "/" + relative;
            }
        };
    }
}
