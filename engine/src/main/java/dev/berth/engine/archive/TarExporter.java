package dev.berth.engine.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Writes a tar of one location inside a container's root, as {@code GET /containers/{id}/archive}
 * answers: the location's own entry is named {@code base} (a folder's entries below it), folders
 * are walked by descriptor without following symlinks, symlinks are stored as symlinks, files that
 * share an inode after the first as hard links. Sockets are left out, as Docker leaves them out.
 */
final class TarExporter {

    private final OutputStream out;
    private final Map<List<Long>, String> linked = new HashMap<>();

    TarExporter(OutputStream out) {
        this.out = out;
    }

    /** Writes the tar of {@code location} with its top entry named {@code base}, and ends it. */
    void write(InRoot.Location location, String base) throws IOException {
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new NonClosing(out))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            entry(tar, location.dirFd(), location.name(), location.info(), base);
            tar.finish();
        }
    }

    private void entry(TarArchiveOutputStream tar, int dirFd, String name, PathInfo info, String tarName)
            throws IOException {
        Path path = NativeAt.at(dirFd, name);
        TarArchiveEntry entry;
        switch (info.type()) {
            case PathInfo.S_IFDIR -> entry = new TarArchiveEntry(tarName.endsWith("/") ? tarName : tarName + "/",
                    TarConstants.LF_DIR);
            case PathInfo.S_IFLNK -> {
                entry = new TarArchiveEntry(tarName, TarConstants.LF_SYMLINK);
                entry.setLinkName(Files.readSymbolicLink(path).toString());
            }
            case PathInfo.S_IFREG -> {
                List<Long> identity = List.of(info.dev(), info.ino());
                String first = info.nlink() > 1 ? linked.putIfAbsent(identity, tarName) : null;
                if (first != null) {
                    entry = new TarArchiveEntry(tarName, TarConstants.LF_LINK);
                    entry.setLinkName(first);
                } else {
                    entry = new TarArchiveEntry(tarName, TarConstants.LF_NORMAL);
                    entry.setSize(info.size());
                }
            }
            case PathInfo.S_IFCHR, PathInfo.S_IFBLK -> {
                entry = new TarArchiveEntry(tarName,
                        info.type() == PathInfo.S_IFCHR ? TarConstants.LF_CHR : TarConstants.LF_BLK);
                entry.setDevMajor(info.major());
                entry.setDevMinor(info.minor());
            }
            case PathInfo.S_IFIFO -> entry = new TarArchiveEntry(tarName, TarConstants.LF_FIFO);
            default -> {
                return; // a socket: nothing a copy can carry
            }
        }
        entry.setMode(info.permissions());
        entry.setUserId(info.uid());
        entry.setGroupId(info.gid());
        entry.setModTime(info.mtime());
        tar.putArchiveEntry(entry);
        if (info.isRegular() && !entry.isLink()) {
            copyFile(tar, path, info.size());
        }
        tar.closeArchiveEntry();
        if (info.isDirectory()) {
            children(tar, dirFd, name, entry.getName());
        }
    }

    /** Exactly {@code size} bytes, as the header says: a file that grew is cut, one that shrank padded. */
    private static void copyFile(TarArchiveOutputStream tar, Path path, long size) throws IOException {
        long left = size;
        try (InputStream in = Files.newInputStream(path, LinkOption.NOFOLLOW_LINKS)) {
            byte[] buffer = new byte[64 << 10];
            while (left > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    break;
                }
                tar.write(buffer, 0, n);
                left -= n;
            }
        }
        byte[] zeros = new byte[8192];
        while (left > 0) {
            int n = (int) Math.min(zeros.length, left);
            tar.write(zeros, 0, n);
            left -= n;
        }
    }

    private void children(TarArchiveOutputStream tar, int parentFd, String name, String prefix) throws IOException {
        int dir = NativeAt.openat(parentFd, name, NativeAt.O_PATH | NativeAt.O_NOFOLLOW | NativeAt.O_DIRECTORY);
        try {
            List<String> names = new ArrayList<>();
            try (DirectoryStream<Path> list = Files.newDirectoryStream(NativeAt.of(dir))) {
                list.forEach(p -> names.add(p.getFileName().toString()));
            }
            names.sort(null);
            for (String child : names) {
                PathInfo info;
                try {
                    info = PathInfo.lstat(NativeAt.at(dir, child));
                } catch (NoSuchFileException gone) {
                    continue; // removed by the container while the copy runs
                }
                entry(tar, dir, child, info, prefix + child);
            }
        } finally {
            NativeAt.close(dir);
        }
    }

    /** Lets the tar stream end its archive without closing the connection's stream under it. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
