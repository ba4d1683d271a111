package dev.berth.engine.archive;

/**
 * A path inside a container as Docker's {@code X-Docker-Container-Path-Stat} describes it.
 *
 * @param name       the path's last element ({@code /} for the root)
 * @param mode       Go's {@code os.FileMode} bits: permissions and type
 * @param mtime      RFC 3339 with nanoseconds
 * @param linkTarget for a symlink, the path it leads to inside the container; else ""
 */
public record PathStat(String name, long size, long mode, String mtime, String linkTarget) {

    /** Go's {@code os.ModeDir}. */
    public static final long MODE_DIR = 1L << 31;

    public boolean isDirectory() {
        return (mode & MODE_DIR) != 0;
    }
}
