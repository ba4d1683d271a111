package dev.berth.engine.archive;

import dev.berth.engine.core.EngineException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Resolves container paths inside a root folder held by a descriptor, as the container sees them:
 * each component is looked up from its parent's descriptor without following it; a symlink is read
 * and its target walked again, from the root when absolute and from the parent when relative;
 * {@code ..} never climbs above the root. So a symlink such as {@code escape -> /} leads to the
 * container's root, never the host's — the rule of the launcher's {@code open_in_root}, and of
 * Docker's {@code FollowSymlinkInScope}. Lookups go through descriptors only, so a container that
 * swaps a folder for a symlink while a copy runs cannot move it out of the root either.
 */
final class InRoot {

    private static final int MAX_SYMLINKS = 40;

    private final int rootFd;

    /** @param rootFd an {@code O_PATH} descriptor of the container's root, kept open by the caller */
    InRoot(int rootFd) {
        this.rootFd = rootFd;
    }

    /**
     * Where a container path leads: the folder holding it (an {@code O_PATH} descriptor owned by the
     * caller, who closes it) and its name there ({@code "."} for the root itself).
     *
     * @param path the absolute path free of symlinks and dots, as the container would see it
     */
    record Location(int dirFd, String name, String path, PathInfo info) implements AutoCloseable {

        /** An {@code O_PATH} descriptor of the location itself, which must be a folder. */
        int openDirectory() throws IOException {
            return NativeAt.openat(dirFd, name, NativeAt.O_PATH | NativeAt.O_NOFOLLOW | NativeAt.O_DIRECTORY);
        }

        @Override
        public void close() {
            NativeAt.close(dirFd);
        }
    }

    /**
     * Resolves {@code path}.
     *
     * @param followLast  whether a symlink as the last component is followed (else it is the location)
     * @param createDirs  whether missing folders on the way (and a missing last one) are made, mode 0755
     * @throws NoSuchFileException naming the container path when a component does not exist
     * @throws EngineException when a component on the way is not a folder, or symlinks loop
     */
    Location resolve(String path, boolean followLast, boolean createDirs) throws IOException {
        Deque<Integer> fds = new ArrayDeque<>();
        Deque<String> names = new ArrayDeque<>();
        fds.push(NativeAt.openat(rootFd, ".", NativeAt.O_PATH | NativeAt.O_DIRECTORY));
        Deque<String> rest = split(path);
        int links = 0;
        try {
            while (!rest.isEmpty()) {
                String name = rest.removeFirst();
                boolean last = rest.isEmpty();
                if (name.equals("..")) {
                    if (fds.size() > 1) {
                        NativeAt.close(fds.pop());
                        names.removeLast();
                    }
                    continue;
                }
                PathInfo info;
                try {
                    info = PathInfo.lstat(NativeAt.at(fds.peek(), name));
                } catch (NoSuchFileException e) {
                    if (!createDirs) {
                        throw new NoSuchFileException(joined(names, name));
                    }
                    Files.createDirectory(NativeAt.at(fds.peek(), name));
                    info = PathInfo.lstat(NativeAt.at(fds.peek(), name));
                }
                if (info.isSymlink() && (!last || followLast)) {
                    if (++links > MAX_SYMLINKS) {
                        throw new EngineException(joined(names, name) + ": too many levels of symbolic links");
                    }
                    String target = Files.readSymbolicLink(NativeAt.at(fds.peek(), name)).toString();
                    Deque<String> next = split(target);
                    next.addAll(rest);
                    rest = next;
                    if (target.startsWith("/")) {
                        while (fds.size() > 1) {
                            NativeAt.close(fds.pop());
                            names.removeLast();
                        }
                    }
                    continue;
                }
                if (last) {
                    int dir = fds.pop();
                    return new Location(dir, name, joined(names, name), info);
                }
                if (!info.isDirectory()) {
                    throw new EngineException(joined(names, name) + " is not a directory");
                }
                fds.push(NativeAt.openat(fds.peek(), name,
                        NativeAt.O_PATH | NativeAt.O_NOFOLLOW | NativeAt.O_DIRECTORY));
                names.addLast(name);
            }
            // the path named a folder (or the root) through its last component's own name
            int dir = fds.pop();
            if (names.isEmpty()) {
                return new Location(dir, ".", "/", PathInfo.lstat(NativeAt.at(dir, ".")));
            }
            String name = names.removeLast();
            NativeAt.close(dir);
            int parent = fds.pop();
            return new Location(parent, name, joined(names, name), PathInfo.lstat(NativeAt.at(parent, name)));
        } finally {
            fds.forEach(NativeAt::close);
        }
    }

    private static Deque<String> split(String path) {
        Deque<String> parts = new ArrayDeque<>();
        for (String part : path.split("/")) {
            if (!part.isEmpty() && !part.equals(".")) {
                parts.addLast(part);
            }
        }
        return parts;
    }

    private static String joined(Deque<String> names, String last) {
        List<String> all = new ArrayList<>(names);
        all.add(last);
        return "/" + String.join("/", all);
    }
}
