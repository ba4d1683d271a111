package dev.berth.engine.archive;

import dev.berth.engine.core.EngineException;
import dev.berth.engine.layer.FileOps;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.NoSuchFileException;
import java.util.function.Predicate;

/**
 * {@code docker cp} on a container's root: the stat of a path, a tar of it, a tar extracted into a
 * folder, with Docker's path rules (moby {@code container/archive.go}): a path is absolute in the
 * container; its last element is not followed when it is a symlink, unless the path ends in
 * {@code /} or {@code /.}.
 */
public final class RootArchives {

    private final RootFd root;

    public RootArchives(RootFd root) {
        this.root = root;
    }

    /**
     * @throws NoSuchPathException when nothing is at {@code path}
     */
    public PathStat stat(String path) throws IOException {
        try (InRoot.Location location = locate(path)) {
            String linkTarget = "";
            if (location.info().isSymlink()) {
                try (InRoot.Location target = new InRoot(root.fd()).resolve(absolute(path), true, false)) {
                    linkTarget = target.path();
                } catch (NoSuchFileException dangling) {
                    linkTarget = dangling.getFile();
                }
            }
            PathInfo info = location.info();
            return new PathStat(goBase(absolute(path)), info.size(), info.goMode(), info.mtime().toInstant().toString(),
                    linkTarget);
        }
    }

    /** Writes a tar of {@code path}, its top entry named as the path's last element. */
    public void export(String path, OutputStream out) throws IOException {
        try (InRoot.Location location = locate(path)) {
            String base = goBase(absolute(path));
            new TarExporter(out).write(location, base.equals("/") ? "." : base);
        }
    }

    /**
     * Extracts {@code tar} into the folder at {@code path} (followed when a symlink).
     *
     * @param writable tells whether a folder (its container path, free of symlinks) may be written:
     *                 false for the root of a read-only container outside its writable mounts
     * @throws NoSuchPathException when nothing is at {@code path}
     * @throws ReadOnlyPathException when {@code writable} refuses the folder
     * @throws EngineException     when it is not a folder, or the tar holds an unsafe or unreadable entry
     */
    public void extract(String path, InputStream tar, boolean noOverwriteDirNonDir, boolean copyUidGid,
                        Predicate<String> writable, FileOps ops) throws IOException {
        InRoot inRoot = new InRoot(root.fd());
        String destination;
        try (InRoot.Location location = inRoot.resolve(absolute(path), true, false)) {
            if (!location.info().isDirectory()) {
                throw new EngineException("extraction point is not a directory: " + path);
            }
            destination = location.path();
        } catch (NoSuchFileException e) {
            throw new NoSuchPathException(path);
        }
        if (!writable.test(destination)) {
            throw new ReadOnlyPathException("cannot copy into " + path + ": the container's root filesystem is"
                    + " read-only there (--read-only), and no writable volume is mounted at " + destination);
        }
        new TarUnpacker(inRoot, ops, noOverwriteDirNonDir, copyUidGid).extract(tar, destination, "the tar for " + path);
    }

    private InRoot.Location locate(String path) throws IOException {
        String abs = absolute(path);
        boolean followLast = abs.endsWith("/") || abs.endsWith("/.");
        try {
            return new InRoot(root.fd()).resolve(abs, followLast, false);
        } catch (NoSuchFileException e) {
            throw new NoSuchPathException(path);
        }
    }

    private static String absolute(String path) {
        return path.startsWith("/") ? path : "/" + path;
    }

    /** Go's {@code filepath.Base}: the last element, trailing slashes ignored; "/" for the root. */
    static String goBase(String path) {
        String p = path;
        while (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        if (p.equals("/")) {
            return "/";
        }
        return p.substring(p.lastIndexOf('/') + 1);
    }

    /** The client asked to write where the container's filesystem is read-only. */
    public static final class ReadOnlyPathException extends EngineException {
        public ReadOnlyPathException(String message) {
            super(message);
        }
    }

    /** Nothing is at a path the client named inside the container. */
    public static final class NoSuchPathException extends EngineException {
        private final String path;

        public NoSuchPathException(String path) {
            super("Could not find the file " + path + " in the container");
            this.path = path;
        }

        private NoSuchPathException(String path, String message) {
            super(message);
            this.path = path;
        }

        /** The same refusal, naming the container as Docker does. */
        public NoSuchPathException inContainer(String container) {
            return new NoSuchPathException(path, "Could not find the file " + path + " in container " + container);
        }
    }
}
