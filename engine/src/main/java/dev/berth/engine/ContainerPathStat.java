package dev.berth.engine;

/**
 * A path inside a container, as {@code docker cp} learns it ({@code X-Docker-Container-Path-Stat}).
 *
 * @param name       the path's last element ({@code /} for the root)
 * @param mode       Go's {@code os.FileMode} bits: permissions and type
 * @param mtime      RFC 3339 with nanoseconds
 * @param linkTarget for a symlink, the path it leads to inside the container; else ""
 */
public record ContainerPathStat(String name, long size, long mode, String mtime, String linkTarget) {
}
