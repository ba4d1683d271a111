package dev.berth.engine.layer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.berth.engine.core.EngineException;

/**
 * The merged view of the layer being unpacked over the layers below it, as overlayfs will show
 * it, used to decide what a path means without ever following a symlink on the host.
 *
 * <p>A path is looked up in the layer being written first, then in the lower layers from the top
 * down; the first layer that has it decides, and an overlay whiteout (a 0:0 character device)
 * there means the path is absent.
 */
final class LayerStackView {

    /** What a path is in the merged view. */
    enum Kind { ABSENT, DIRECTORY, SYMLINK, OTHER }

    /** Where a visible path physically lives. */
    record Found(Kind kind, Path physical) {
    }

    private final Path target;
    private final List<Path> lowersTopFirst;

    LayerStackView(Path target, List<Path> lowersTopFirst) {
        this.target = target;
        this.lowersTopFirst = List.copyOf(lowersTopFirst);
    }

    Path target() {
        return target;
    }

    /** The physical path of {@code path} in the layer being written. */
    Path inTarget(EntryPath path) {
        Path p = target;
        for (String c : path.components()) {
            p = p.resolve(c);
        }
        return p;
    }

    /** Looks {@code path} up in the merged view. */
    Found find(EntryPath path) throws IOException {
        List<Path> layers = new ArrayList<>(lowersTopFirst.size() + 1);
        layers.add(target);
        layers.addAll(lowersTopFirst);
        for (int i = 0; i < layers.size(); i++) {
            Path p = layers.get(i);
            for (String c : path.components()) {
                p = p.resolve(c);
            }
            Optional<Kind> kind = kindOf(p, i > 0);
            if (kind.isPresent()) {
                return new Found(kind.get(), p);
            }
        }
        return new Found(Kind.ABSENT, null);
    }

    /**
     * Refuses the entry if any parent of {@code path} is a symlink in the merged view, then creates
     * the parents missing from the layer being written (mode 0755, as containerd does).
     */
    void prepareParents(EntryPath path, String entryName) throws IOException {
        EntryPath prefix = new EntryPath(List.of());
        for (String c : path.parent().components()) {
            prefix = prefix.child(c);
            Found found = find(prefix);
            if (found.kind() == Kind.SYMLINK) {
                throw new EngineException("refusing layer entry \"" + entryName + "\": \"" + prefix
                        + "\" is a symlink, and a layer may not write through a symlink");
            }
            Path here = inTarget(prefix);
            Optional<Kind> inTarget = kindOf(here, false);
            if (inTarget.isEmpty()) {
                Files.createDirectory(here);
                Files.setAttribute(here, "unix:mode", 0755, LinkOption.NOFOLLOW_LINKS);
            } else if (inTarget.get() != Kind.DIRECTORY) {
                // A non-directory from this layer (or a whiteout device) sits where a folder is needed.
                Files.delete(here);
                Files.createDirectory(here);
                Files.setAttribute(here, "unix:mode", 0755, LinkOption.NOFOLLOW_LINKS);
            }
        }
    }

    /** The kind of {@code p} on disk, or empty when absent (or, in a lower layer, whited out). */
    static Optional<Kind> kindOf(Path p, boolean whiteoutMeansAbsent) throws IOException {
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        if (attrs.isSymbolicLink()) {
            return Optional.of(Kind.SYMLINK);
        }
        if (attrs.isDirectory()) {
            return Optional.of(Kind.DIRECTORY);
        }
        if (whiteoutMeansAbsent && attrs.isOther() && isWhiteout(p)) {
            return Optional.empty();
        }
        return Optional.of(Kind.OTHER);
    }

    /** Whether {@code p} is an overlay whiteout: a character device with device number 0:0. */
    static boolean isWhiteout(Path p) throws IOException {
        Map<String, Object> unix = Files.readAttributes(p, "unix:mode,rdev", LinkOption.NOFOLLOW_LINKS);
        int mode = (Integer) unix.get("mode");
        long rdev = (Long) unix.get("rdev");
        return (mode & 0170000) == 0020000 && rdev == 0;
    }
}
