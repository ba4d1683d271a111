package dev.berth.engine.archive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;

/**
 * What {@code lstat} says of one file: its type and mode bits ({@code st_mode}), owner, size,
 * modification time and identity (device and inode, for hard links).
 */
record PathInfo(int mode, int uid, int gid, long size, FileTime mtime, long dev, long ino, int nlink, long rdev) {

    static final int S_IFMT = 0170000;
    static final int S_IFDIR = 0040000;
    static final int S_IFREG = 0100000;
    static final int S_IFLNK = 0120000;
    static final int S_IFCHR = 0020000;
    static final int S_IFBLK = 0060000;
    static final int S_IFIFO = 0010000;
    static final int S_IFSOCK = 0140000;

    /** {@code lstat(path)}: a symlink is described itself. */
    static PathInfo lstat(Path path) throws IOException {
        Map<String, Object> a = Files.readAttributes(path, "unix:mode,uid,gid,size,lastModifiedTime,dev,ino,nlink,rdev",
                LinkOption.NOFOLLOW_LINKS);
        return new PathInfo((Integer) a.get("mode"), (Integer) a.get("uid"), (Integer) a.get("gid"),
                (Long) a.get("size"), (FileTime) a.get("lastModifiedTime"), (Long) a.get("dev"), (Long) a.get("ino"),
                (Integer) a.get("nlink"), (Long) a.get("rdev"));
    }

    int type() {
        return mode & S_IFMT;
    }

    boolean isDirectory() {
        return type() == S_IFDIR;
    }

    boolean isSymlink() {
        return type() == S_IFLNK;
    }

    boolean isRegular() {
        return type() == S_IFREG;
    }

    /** Permission bits with setuid, setgid and sticky. */
    int permissions() {
        return mode & 07777;
    }

    /** Linux's {@code major()} of {@code rdev}. */
    int major() {
        return (int) (((rdev >>> 32) & 0xfffff000L) | ((rdev >>> 8) & 0xfffL));
    }

    /** Linux's {@code minor()} of {@code rdev}. */
    int minor() {
        return (int) (((rdev >>> 12) & 0xffffff00L) | (rdev & 0xffL));
    }

    /**
     * The mode as Go's {@code os.FileMode}, which Docker's {@code X-Docker-Container-Path-Stat}
     * carries and the docker CLI reads ({@code IsDir()}, {@code ModeSymlink}).
     */
    long goMode() {
        long m = mode & 0777;
        m |= switch (type()) {
            case S_IFDIR -> 1L << 31;
            case S_IFLNK -> 1L << 27;
            case S_IFBLK -> 1L << 26;
            case S_IFCHR -> (1L << 26) | (1L << 21);
            case S_IFIFO -> 1L << 25;
            case S_IFSOCK -> 1L << 24;
            default -> 0L;
        };
        if ((mode & 04000) != 0) {
            m |= 1L << 23;
        }
        if ((mode & 02000) != 0) {
            m |= 1L << 22;
        }
        if ((mode & 01000) != 0) {
            m |= 1L << 20;
        }
        return m;
    }
}
