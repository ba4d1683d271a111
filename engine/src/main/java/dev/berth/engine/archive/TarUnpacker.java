package dev.berth.engine.archive;

import dev.berth.engine.core.EngineException;
import dev.berth.engine.layer.EntryPath;
import dev.berth.engine.layer.FileOps;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Extracts a tar into a folder inside a container's root, as {@code PUT /containers/{id}/archive}
 * does: entry names are checked as layer entries are ({@link EntryPath}: nothing absolute, no
 * {@code ..}), each entry's folder is resolved inside the root ({@link InRoot}, symlinks followed
 * within it, missing folders made), and the entry is made by name in that folder's descriptor, so
 * neither the tar nor the container's own symlinks can place a file outside the root. An existing
 * entry is replaced (a folder kept for a folder); owners are the tar's with {@code copyUidGid},
 * else root's, as Docker's. Folder times are set last, as extraction changes them.
 */
final class TarUnpacker {

    private final InRoot root;
    private final FileOps ops;
    private final boolean noOverwriteDirNonDir;
    private final boolean copyUidGid;

    TarUnpacker(InRoot root, FileOps ops, boolean noOverwriteDirNonDir, boolean copyUidGid) {
        this.root = root;
        this.ops = ops;
        this.noOverwriteDirNonDir = noOverwriteDirNonDir;
        this.copyUidGid = copyUidGid;
    }

    private record DirectoryTime(String path, FileTime time) {
    }

    /**
     * @param destination the folder's container path, free of symlinks (as {@link InRoot.Location#path()})
     * @param what        names the tar in errors
     */
    void extract(InputStream tarStream, String destination, String what) throws IOException {
        List<DirectoryTime> times = new ArrayList<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(tarStream, "UTF-8")) {
            TarArchiveEntry entry;
            while ((entry = next(tar, what)) != null) {
                String name = entry.getName();
                while (name.startsWith("/")) {
                    name = name.substring(1); // as Docker's untar, which joins every name under the destination
                }
                EntryPath path = EntryPath.parse(name, entry.getName(), "path");
                if (path.isRoot()) {
                    continue;
                }
                String containerPath = join(destination, path);
                try (InRoot.Location parent = root.resolve(join(destination, path.parent()), true, true)) {
                    int dir = parent.openDirectory();
                    try {
                        apply(entry, tar, dir, path.name(), destination, what);
                    } finally {
                        NativeAt.close(dir);
                    }
                }
                if (entry.isDirectory()) {
                    times.add(new DirectoryTime(containerPath, entry.getLastModifiedTime()));
                }
            }
        }
        for (DirectoryTime d : times.reversed()) {
            try (InRoot.Location folder = root.resolve(d.path(), false, false)) {
                if (folder.info().isDirectory()) {
                    ops.lutimes(NativeAt.at(folder.dirFd(), folder.name()), d.time());
                }
            } catch (NoSuchFileException gone) {
                // removed by the container meanwhile: no time to set
            }
        }
    }

    private void apply(TarArchiveEntry entry, InputStream content, int dir, String name, String destination,
                       String what) throws IOException {
        Path p = NativeAt.at(dir, name);
        PathInfo existing = lstatOrNull(p);
        if (existing != null) {
            if (noOverwriteDirNonDir && existing.isDirectory() != entry.isDirectory()) {
                throw new EngineException("cannot extract \"" + entry.getName() + "\" from " + what + ": it would "
                        + (existing.isDirectory() ? "replace a directory with a non-directory"
                        : "replace a non-directory with a directory"));
            }
            if (!(existing.isDirectory() && entry.isDirectory())) {
                removeTree(dir, name);
            }
        }
        if (entry.isDirectory()) {
            if (existing == null || !existing.isDirectory()) {
                Files.createDirectory(p);
            }
        } else if (entry.isSymbolicLink()) {
            Files.createSymbolicLink(p, Path.of(entry.getLinkName()));
        } else if (entry.isLink()) {
            hardlink(entry, dir, name, destination);
            return;
        } else if (entry.isCharacterDevice() || entry.isBlockDevice() || entry.isFIFO()) {
            FileOps.NodeType type = entry.isFIFO() ? FileOps.NodeType.FIFO
                    : entry.isCharacterDevice() ? FileOps.NodeType.CHARACTER_DEVICE : FileOps.NodeType.BLOCK_DEVICE;
            ops.mknod(p, type, entry.getMode(), entry.getDevMajor(), entry.getDevMinor());
        } else if (entry.isFile()) {
            try (OutputStream out = Files.newOutputStream(p, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS)) {
                content.transferTo(out);
            }
        } else {
            throw new EngineException("cannot extract \"" + entry.getName() + "\" from " + what
                    + ": unsupported tar entry type");
        }
        if (copyUidGid) {
            ops.lchown(p, entry.getLongUserId(), entry.getLongGroupId());
        }
        if (!entry.isSymbolicLink()) {
            chmod(dir, name, entry.getMode());
        }
        if (!entry.isDirectory()) {
            ops.lutimes(p, entry.getLastModifiedTime());
        }
    }

    /**
     * Sets the mode of what is at {@code name} now, through a descriptor of it: chmod follows
     * symlinks, so a path the container could have swapped for one is never handed to it.
     */
    private void chmod(int dir, String name, int mode) throws IOException {
        int fd = NativeAt.openat(dir, name, NativeAt.O_PATH | NativeAt.O_NOFOLLOW);
        try {
            if (!PathInfo.lstat(NativeAt.at(dir, name)).isSymlink()) {
                ops.chmod(NativeAt.of(fd), mode);
            }
        } finally {
            NativeAt.close(fd);
        }
    }

    private void hardlink(TarArchiveEntry entry, int dir, String name, String destination) throws IOException {
        EntryPath target = EntryPath.parse(entry.getLinkName().replaceFirst("^/+", ""), entry.getName(),
                "hardlink target");
        try (InRoot.Location source = root.resolve(join(destination, target), false, false)) {
            if (source.info().isDirectory()) {
                throw new EngineException("cannot extract \"" + entry.getName() + "\": its hardlink target \""
                        + entry.getLinkName() + "\" is a directory");
            }
            NativeAt.linkat(source.dirFd(), source.name(), dir, name);
        }
    }

    /** Removes {@code name} in {@code dir}, a folder with all it holds, never following a symlink. */
    private static void removeTree(int dir, String name) throws IOException {
        Path p = NativeAt.at(dir, name);
        PathInfo info = lstatOrNull(p);
        if (info == null) {
            return;
        }
        if (info.isDirectory()) {
            int sub = NativeAt.openat(dir, name, NativeAt.O_PATH | NativeAt.O_NOFOLLOW | NativeAt.O_DIRECTORY);
            try {
                List<String> children = new ArrayList<>();
                try (DirectoryStream<Path> list = Files.newDirectoryStream(NativeAt.of(sub))) {
                    list.forEach(c -> children.add(c.getFileName().toString()));
                }
                for (String child : children) {
                    removeTree(sub, child);
                }
            } finally {
                NativeAt.close(sub);
            }
        }
        try {
            Files.deleteIfExists(p);
        } catch (DirectoryNotEmptyException e) {
            throw new IOException("cannot replace " + name + ": the container added files to it meanwhile", e);
        }
    }

    private static PathInfo lstatOrNull(Path p) throws IOException {
        try {
            return PathInfo.lstat(p);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    private static TarArchiveEntry next(TarArchiveInputStream tar, String what) {
        try {
            return tar.getNextEntry();
        } catch (IOException e) {
            throw new EngineException(what + ": cannot read it as a tar archive: " + e.getMessage(), e);
        }
    }

    private static String join(String destination, EntryPath path) {
        String base = destination.endsWith("/") ? destination : destination + "/";
        return path.isRoot() ? destination : base + path;
    }
}
