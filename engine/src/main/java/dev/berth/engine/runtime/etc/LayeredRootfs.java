package dev.berth.engine.runtime.etc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads files of an image's root filesystem through its unpacked layers, top layer first, without
 * mounting them: the way overlayfs would show them. A {@code .wh.NAME} entry (or an overlay
 * whiteout, a 0:0 character device) deletes NAME from the layers below; a directory holding
 * {@code .wh..wh..opq} hides the content of the same directory in the layers below
 * (OCI image-spec, layer.md "Whiteouts"). Symlinks are followed inside the root filesystem, so an
 * absolute or {@code ..}-laden target never leaves it.
 */
public final class LayeredRootfs {

    static final String WHITEOUT_PREFIX = ".wh.";
    static final String OPAQUE_MARKER = ".wh..wh..opq";
    private static final int MAX_SYMLINKS = 40;
    private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;

    private final List<Path> layers;

    /** @param layersTopFirst the unpacked layer directories, the topmost (newest) first */
    public LayeredRootfs(List<Path> layersTopFirst) {
        this.layers = List.copyOf(layersTopFirst);
    }

    /** The content of the file at the absolute container path {@code path}, if it is visible. */
    public Optional<String> readString(String path) {
        return resolve(path).filter(Files::isRegularFile).map(file -> {
            try {
                return Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("read " + path + " of the image from " + file, e);
            }
        });
    }

    /**
     * The host path of the entry visible at {@code path}, following symlinks (the final one
     * too) within the root filesystem; empty when it does not exist, is whited out, or a
     * symlink chain is longer than 40.
     */
    public Optional<Path> resolve(String path) {
        return realPath(path).flatMap(this::entry);
    }

    /**
     * The absolute path, free of symlinks, that {@code path} leads to inside the root
     * filesystem, if an entry is visible there.
     */
    public Optional<String> realPath(String path) {
        Deque<String> pending = new ArrayDeque<>(components(path));
        List<String> current = new ArrayList<>();
        int symlinks = 0;
        while (!pending.isEmpty()) {
            String name = pending.removeFirst();
            if (name.equals("..")) {
                if (!current.isEmpty()) {
                    current.removeLast();
                }
                continue;
            }
            current.add(name);
            Optional<Path> entry = lookup(current);
            if (entry.isEmpty()) {
                return Optional.empty();
            }
            if (Files.isSymbolicLink(entry.get())) {
                if (++symlinks > MAX_SYMLINKS) {
                    return Optional.empty();
                }
                String target = readLink(entry.get());
                current.removeLast();
                if (target.startsWith("/")) {
                    current.clear();
                }
                List<String> targetParts = components(target);
                for (int i = targetParts.size() - 1; i >= 0; i--) {
                    pending.addFirst(targetParts.get(i));
                }
            }
        }
        return Optional.of("/" + String.join("/", current));
    }

    /**
     * The topmost visible entry at {@code path}, whose parent directories must not be symlinks
     * (use {@link #realPath}); a final symlink is returned, not followed.
     */
    public Optional<Path> entry(String path) {
        List<String> logical = components(path);
        return logical.isEmpty() ? topmostRoot() : lookup(logical);
    }

    /**
     * The merged content of the directory at {@code directory} (a path free of symlinks): each
     * visible name mapped to its topmost host entry, sorted by name; whiteout markers are not
     * listed. Empty when no directory is visible there.
     */
    public Map<String, Path> list(String directory) {
        List<String> logical = components(directory);
        Map<String, Path> merged = new TreeMap<>();
        Set<String> hidden = new HashSet<>();
        for (Path layer : layers) {
            Path dir = logical.isEmpty() ? layer : layer.resolve(String.join("/", logical));
            if (Files.exists(dir, NOFOLLOW) && !Files.isDirectory(dir, NOFOLLOW)) {
                break;
            }
            if (!Files.isDirectory(dir, NOFOLLOW)) {
                if (!logical.isEmpty() && hiddenBelow(layer, logical)) {
                    break;
                }
                continue;
            }
            try (Stream<Path> entries = Files.list(dir)) {
                for (Path entry : entries.toList()) {
                    String name = entry.getFileName().toString();
                    if (name.equals(OPAQUE_MARKER)) {
                        continue;
                    }
                    if (name.startsWith(WHITEOUT_PREFIX)) {
                        hidden.add(name.substring(WHITEOUT_PREFIX.length()));
                    } else if (!merged.containsKey(name) && !hidden.contains(name)) {
                        if (isOverlayWhiteout(entry)) {
                            hidden.add(name);
                        } else {
                            merged.put(name, entry);
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("list " + directory + " of the image in " + dir, e);
            }
            if (Files.exists(dir.resolve(OPAQUE_MARKER), NOFOLLOW)
                    || (!logical.isEmpty() && hiddenBelow(layer, logical))) {
                break;
            }
        }
        return merged;
    }

    /** The topmost entry for a logical path whose parents are already resolved, honouring whiteouts. */
    private Optional<Path> lookup(List<String> logical) {
        for (Path layer : layers) {
            Path candidate = layer.resolve(String.join("/", logical));
            if (Files.exists(candidate, NOFOLLOW) || Files.isSymbolicLink(candidate)) {
                return isOverlayWhiteout(candidate) ? Optional.empty() : Optional.of(candidate);
            }
            if (hiddenBelow(layer, logical)) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** Whether {@code layer} deletes the path, or makes an ancestor opaque or a non-directory. */
    private static boolean hiddenBelow(Path layer, List<String> logical) {
        Path dir = layer;
        for (int i = 0; i < logical.size(); i++) {
            if (Files.exists(dir.resolve(WHITEOUT_PREFIX + logical.get(i)), NOFOLLOW)) {
                return true;
            }
            if (i == logical.size() - 1) {
                return false;
            }
            dir = dir.resolve(logical.get(i));
            if (Files.exists(dir, NOFOLLOW) && !Files.isDirectory(dir, NOFOLLOW)) {
                return true;
            }
            if (Files.exists(dir.resolve(OPAQUE_MARKER), NOFOLLOW)) {
                return true;
            }
        }
        return false;
    }

    private Optional<Path> topmostRoot() {
        return layers.isEmpty() ? Optional.empty() : Optional.of(layers.getFirst());
    }

    private static boolean isOverlayWhiteout(Path candidate) {
        try {
            if (Files.isRegularFile(candidate, NOFOLLOW) || Files.isDirectory(candidate, NOFOLLOW)
                    || Files.isSymbolicLink(candidate)) {
                return false;
            }
            int mode = (Integer) Files.getAttribute(candidate, "unix:mode", NOFOLLOW);
            long rdev = ((Number) Files.getAttribute(candidate, "unix:rdev", NOFOLLOW)).longValue();
            return (mode & 0170000) == 0020000 && rdev == 0;
        } catch (IOException e) {
            throw new UncheckedIOException("stat " + candidate, e);
        }
    }

    private static String readLink(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            throw new UncheckedIOException("read symlink " + link, e);
        }
    }

    private static List<String> components(String path) {
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/")) {
            if (!part.isEmpty() && !part.equals(".")) {
                parts.add(part);
            }
        }
        return parts;
    }
}
