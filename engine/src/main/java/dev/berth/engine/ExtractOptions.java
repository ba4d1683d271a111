package dev.berth.engine;

/**
 * How {@link Engine#extract} writes a tar into a container, as {@code docker cp} asks.
 *
 * @param noOverwriteDirNonDir refuse to replace a folder with a non-folder, or the other way round
 * @param copyUidGid           give files the tar's owners ({@code docker cp -a}), else root's
 */
public record ExtractOptions(boolean noOverwriteDirNonDir, boolean copyUidGid) {

    public static final ExtractOptions DEFAULT = new ExtractOptions(false, false);
}
