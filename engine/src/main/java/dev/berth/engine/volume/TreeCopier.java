package dev.berth.engine.volume;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
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
    static void copyContents(SourceTree source, Path target) throws IOException {
        copyDirectory(source, "", target, new HashMap<>());
    }

    private static void copyDirectory(SourceTree source, String relative, Path target,
                                      Map<List<Object>, Path> linked) throws IOException {
        for (Map.Entry<String, Path> child : source.children(relative).entrySet()) {
            Path from = child.getValue();
            Path copy = target.resolve(child.getKey());
            Map<String, Object> unix = Files.readAttributes(from, "unix:*", NOFOLLOW);
            if (Files.isDirectory(from, NOFOLLOW)) {
                Files.createDirectory(copy);
                copyDirectory(source, relative.isEmpty() ? child.getKey() : relative + "/" + child.getKey(),
                        copy, linked);
            } else if (Files.isSymbolicLink(from)) {
                Files.createSymbolicLink(copy, Files.readSymbolicLink(from));
                copyOwnerAndTimes(unix, copy);
            } else if (Files.isRegularFile(from, NOFOLLOW)) {
                copyRegular(from, copy, unix, linked);
            } else {
                SpecialFiles.mknod(copy, (Integer) unix.get("mode"), ((Number) unix.get("rdev")).longValue());
                Files.setAttribute(copy, "unix:uid", unix.get("uid"), NOFOLLOW);
                Files.setAttribute(copy, "unix:gid", unix.get("gid"), NOFOLLOW);
                // Following links is safe here (it is no link) and avoids an open(2).
                Files.setAttribute(copy, "unix:mode", (Integer) unix.get("mode") & 07777);
                SpecialFiles.setTimes(copy, (FileTime) unix.get("lastAccessTime"),
                        (FileTime) unix.get("lastModifiedTime"));
            }
        }
        // Last, so that creating the children neither fails on a read-only mode nor moves mtime.
        Map<String, Object> unix = Files.readAttributes(source.directory(relative), "unix:*", NOFOLLOW);
        copyOwnerAndTimes(unix, target);
        Files.setAttribute(target, "unix:mode", (Integer) unix.get("mode") & 07777, NOFOLLOW);
        setTimes(unix, target);
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
