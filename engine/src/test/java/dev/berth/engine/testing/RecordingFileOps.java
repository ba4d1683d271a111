package dev.berth.engine.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.berth.engine.layer.AttributeRefusedException;
import dev.berth.engine.layer.FileOps;

/**
 * A {@link FileOps} for unit tests that run without privileges: device nodes and FIFOs become
 * empty regular files, and every privileged call is recorded so tests can check it was made.
 */
public final class RecordingFileOps implements FileOps {

    /** A recorded device node. */
    public record Node(NodeType type, int mode, int major, int minor) {
    }

    /** A recorded owner. */
    public record Owner(long uid, long gid) {
    }

    public final Map<Path, Node> nodes = Collections.synchronizedMap(new HashMap<>());
    public final Map<Path, Owner> owners = Collections.synchronizedMap(new HashMap<>());
    public final Map<Path, Map<String, byte[]>> xattrs = Collections.synchronizedMap(new HashMap<>());
    public final List<Path> timed = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void mknod(Path path, NodeType type, int mode, int major, int minor) throws IOException {
        Files.createFile(path);
        nodes.put(path, new Node(type, mode & 07777, major, minor));
    }

    @Override
    public void lchown(Path path, long uid, long gid) {
        owners.put(path, new Owner(uid, gid));
    }

    @Override
    public void chmod(Path path, int mode) throws IOException {
        Files.setAttribute(path, "unix:mode", mode & 07777, java.nio.file.LinkOption.NOFOLLOW_LINKS);
    }

    /** Refuses {@code user.*} attributes on symlinks with EPERM, as Linux does. */
    @Override
    public void lsetxattr(Path path, String name, byte[] value) throws IOException {
        if (name.startsWith("user.") && Files.isSymbolicLink(path)) {
            throw new AttributeRefusedException("lsetxattr " + name + " " + path + ": Operation not permitted");
        }
        xattrs.computeIfAbsent(path, p -> new HashMap<>()).put(name, value.clone());
    }

    @Override
    public void lutimes(Path path, FileTime time) throws IOException {
        if (!Files.isSymbolicLink(path)) {
            Files.setLastModifiedTime(path, time);
        }
        timed.add(path);
    }
}
