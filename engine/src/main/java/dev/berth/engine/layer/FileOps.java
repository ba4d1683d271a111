package dev.berth.engine.layer;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

/**
 * The file-system calls that layer application needs and plain NIO cannot make: device nodes,
 * FIFOs, ownership and extended attributes of the entry itself (never a symlink's target), and
 * times without following symlinks.
 *
 * <p>{@link NativeFileOps} makes the real system calls; tests of the layer rules use a fake that
 * records them, because the real calls need root.
 */
public interface FileOps {

    /** The kind of special file {@link #mknod} creates. */
    enum NodeType { CHARACTER_DEVICE, BLOCK_DEVICE, FIFO }

    /** Creates a device node or FIFO at {@code path} with permission bits {@code mode & 07777}. */
    void mknod(Path path, NodeType type, int mode, int major, int minor) throws IOException;

    /** Sets the owner of {@code path} itself, not following a symlink. */
    void lchown(Path path, long uid, long gid) throws IOException;

    /**
     * Sets the extended attribute {@code name} of {@code path} itself to the exact bytes given.
     *
     * @throws AttributeRefusedException when the kernel refuses the attribute for this file
     *     ({@code EPERM}, e.g. a {@code user.*} attribute on a symlink)
     */
    void lsetxattr(Path path, String name, byte[] value) throws IOException;

    /** Sets access and modification time of {@code path} itself, not following a symlink. */
    void lutimes(Path path, FileTime time) throws IOException;

    /**
     * Sets all mode bits (including setuid, setgid and sticky) of a path that is not a symlink,
     * without opening it (opening a FIFO would block, opening a device would reach the device).
     */
    void chmod(Path path, int mode) throws IOException;
}
