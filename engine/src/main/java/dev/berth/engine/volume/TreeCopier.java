package dev.berth.engine.volume;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies a directory tree the way Docker fills a new volume from an image: modes (setuid and
 * sticky bits included), owners, symlinks as symlinks, hardlinks as hardlinks, extended
 * attributes of regular files (file capabilities included), device nodes, FIFOs and sockets,
 * and access/modification times.
 */
final class TreeCopier {

    private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;

    private TreeCopier() {
    }

    /** Copies the content of {@code source} into the existing {@code target}, then its metadata. */
    static void copyContents(Path source, Path target) throws IOException {
        Map<List<Object>, Path> linked = new HashMap<>();
        Files.walkFileTree(source, EnumSet.noneOf(java.nio.file.FileVisitOption.class), Integer.MAX_VALUE,
                new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
                            throws IOException {
                        if (!dir.equals(source)) {
                            Files.createDirectory(target.resolve(source.relativize(dir).toString()));
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                        Path copy = target.resolve(source.relativize(file).toString());
                        Map<String, Object> unix = Files.readAttributes(file, "unix:*", NOFOLLOW);
                        if (attrs.isSymbolicLink()) {
                            Files.createSymbolicLink(copy, Files.readSymbolicLink(file));
                            copyOwnerAndTimes(unix, copy);
                        } else if (attrs.isRegularFile()) {
                            copyRegular(file, copy, unix, linked);
                        } else {
                            SpecialFiles.mknod(copy, (Integer) unix.get("mode"),
                                    ((Number) unix.get("rdev")).longValue());
                            Files.setAttribute(copy, "unix:uid", unix.get("uid"), NOFOLLOW);
                            Files.setAttribute(copy, "unix:gid", unix.get("gid"), NOFOLLOW);
                            // Following links is safe here (it is no link) and avoids an open(2).
                            Files.setAttribute(copy, "unix:mode", (Integer) unix.get("mode") & 07777);
                            SpecialFiles.setTimes(copy, (FileTime) unix.get("lastAccessTime"),
                                    (FileTime) unix.get("lastModifiedTime"));
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                        if (failure != null) {
                            throw failure;
                        }
                        Path copy = dir.equals(source) ? target
                                : target.resolve(source.relativize(dir).toString());
                        Map<String, Object> unix = Files.readAttributes(dir, "unix:*", NOFOLLOW);
                        copyOwnerAndTimes(unix, copy);
                        Files.setAttribute(copy, "unix:mode", (Integer) unix.get("mode") & 07777, NOFOLLOW);
                        setTimes(unix, copy);
                        return FileVisitResult.CONTINUE;
                    }
                });
    }

    private static void copyRegular(Path file, Path copy, Map<String, Object> unix,
                                    Map<List<Object>, Path> linked) throws IOException {
        List<Object> inode = List.of(unix.get("dev"), unix.get("ino"));
        if ((Integer) unix.get("nlink") > 1 && linked.containsKey(inode)) {
            Files.createLink(copy, linked.get(inode));
            return;
        }
        // COPY_ATTRIBUTES sets owner, then mode, then xattrs, then times. No chown may follow:
        // the kernel would clear setuid bits and file capabilities (security.capability).
        Files.copy(file, copy, StandardCopyOption.COPY_ATTRIBUTES, NOFOLLOW);
        if ((Integer) unix.get("nlink") > 1) {
            linked.put(inode, copy);
        }
    }

    private static void copyOwnerAndTimes(Map<String, Object> unix, Path copy) throws IOException {
        Files.setAttribute(copy, "unix:uid", unix.get("uid"), NOFOLLOW);
        Files.setAttribute(copy, "unix:gid", unix.get("gid"), NOFOLLOW);
        setTimes(unix, copy);
    }

    private static void setTimes(Map<String, Object> unix, Path copy) throws IOException {
        Files.getFileAttributeView(copy, BasicFileAttributeView.class, NOFOLLOW)
                .setTimes((FileTime) unix.get("lastModifiedTime"), (FileTime) unix.get("lastAccessTime"), null);
    }
}
