package dev.berth.engine.layer;

import java.util.ArrayList;
import java.util.List;

import dev.berth.engine.core.EngineException;

/**
 * A layer entry's path, cleaned and checked lexically: relative to the root, without {@code .}
 * or {@code ..} components, and with {@code "."} for the root itself.
 *
 * @param components the path's components from the root down; empty for the root
 */
public record EntryPath(List<String> components) {

    /** Linux's {@code NAME_MAX}: the longest name of one file, in bytes. */
    static final int NAME_MAX = 255;

    public EntryPath {
        components = List.copyOf(components);
    }

    /**
     * Cleans {@code raw} (as found in the tar entry named {@code entryName}) or refuses it.
     *
     * @throws EngineException for an absolute path, one with a {@code ..} component or a NUL byte, or
     *     one with a component longer than Linux allows ({@value #NAME_MAX} bytes)
     */
    public static EntryPath parse(String raw, String entryName, String role) {
        if (raw.startsWith("/")) {
            throw new EngineException("refusing layer entry \"" + entryName + "\": " + role + " \"" + raw
                    + "\" is absolute; a layer may only name paths inside the root filesystem");
        }
        if (raw.indexOf('\0') >= 0) {
            throw new EngineException("refusing layer entry \"" + entryName.replace("\0", "\\0") + "\": " + role
                    + " contains a NUL byte, which no file name may hold");
        }
        List<String> parts = new ArrayList<>();
        for (String part : raw.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                throw new EngineException("refusing layer entry \"" + entryName + "\": " + role + " \"" + raw
                        + "\" contains \"..\" and could leave the root filesystem");
            }
            int bytes = part.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            if (bytes > NAME_MAX) {
                throw new EngineException("refusing layer entry \"" + entryName + "\": " + role + " has a component of "
                        + bytes + " bytes; Linux allows at most " + NAME_MAX + " bytes in a file name");
            }
            parts.add(part);
        }
        return new EntryPath(parts);
    }

    public boolean isRoot() {
        return components.isEmpty();
    }

    /** The last component; empty for the root. */
    public String name() {
        return isRoot() ? "" : components.getLast();
    }

    /** The parent path; the root is its own parent. */
    public EntryPath parent() {
        return isRoot() ? this : new EntryPath(components.subList(0, components.size() - 1));
    }

    /**
     * The path of {@code child} inside this one.
     *
     * @throws IllegalArgumentException when {@code child} is not one plain name (empty, ".", ".."
     *     or with a slash): callers check names before they get here
     */
    public EntryPath child(String child) {
        if (child.isEmpty() || child.equals(".") || child.equals("..") || child.contains("/")) {
            throw new IllegalArgumentException("not a single path component: \"" + child + "\"");
        }
        List<String> parts = new ArrayList<>(components);
        parts.add(child);
        return new EntryPath(parts);
    }

    /** The path relative to a root folder, as a string such as {@code usr/bin/sh}; "." for the root. */
    @Override
    public String toString() {
        return isRoot() ? "." : String.join("/", components);
    }
}
