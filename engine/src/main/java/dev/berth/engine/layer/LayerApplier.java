package dev.berth.engine.layer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

import dev.berth.engine.core.EngineException;

/**
 * Unpacks one uncompressed layer tar into its own folder, in the form overlayfs reads as a lower
 * layer: whiteouts {@code .wh.NAME} become 0:0 character devices and opaque markers
 * {@code .wh..wh..opq} become the attribute {@code trusted.overlay.opaque=y} on their folder.
 *
 * <p>Follows image-spec {@code layer.md} and the safety rules of images.md §3.3: entry names are
 * cleaned and absolute or {@code ..} paths refused; no entry may be written through a symlink,
 * whether the symlink comes from this layer or from a lower one; hardlink targets must be inside
 * the root. Each entry is checked before anything is written for it, so a refused layer has
 * changed nothing outside the target folder. Attributes are applied in the order create, lchown,
 * xattrs, chmod (chown clears setuid), times; folder times are set last. The attributes of the
 * root entry ({@code ./}) are ignored: the root folder stays as the engine made it. Attributes
 * named {@code trusted.overlay.*} in a layer are dropped, so a layer cannot steer overlayfs.
 *
 * <p>Also refused, naming the entry: a whiteout of {@code .} or {@code ..}, names with a NUL byte
 * or a component over 255 bytes. As moby's archive code does, an attribute the kernel refuses
 * ({@code EPERM}) is skipped and reported in {@link LayerApplyReport#warnings()}, and global PAX
 * headers are ignored. Bytes that are not a tar fail with an error naming the layer.
 */
public final class LayerApplier {

    private static final String WHITEOUT_PREFIX = ".wh.";
    private static final String OPAQUE_MARKER = ".wh..wh..opq";
    private static final String OVERLAY_OPAQUE = "trusted.overlay.opaque";
    private static final String OVERLAY_PREFIX = "trusted.overlay.";
    private static final String PAX_XATTR = "SCHILY.xattr.";
    private static final String TAR = "a tar archive";
    /** Linux's {@code PATH_MAX} less the terminating NUL: the longest symlink target. */
    private static final int LINK_MAX = 4095;

    private final FileOps ops;

    public LayerApplier(FileOps ops) {
        this.ops = ops;
    }

    /** Applies a layer named "layer" in errors; see {@link #apply(InputStream, String, Path, List)}. */
    public LayerApplyReport apply(InputStream tar, Path target, List<Path> lowersTopFirst) throws IOException {
        return apply(tar, "layer", target, lowersTopFirst);
    }

    /**
     * Applies the tar read from {@code tar} into the empty-or-partial folder {@code target}.
     *
     * @param tar the uncompressed layer; read to its end
     * @param what names the layer in errors about its bytes, such as {@code layer sha256:…}
     * @param target the folder that receives this layer's content only
     * @param lowersTopFirst the already unpacked layers below this one, nearest first; read only,
     *     to see symlinks and hardlink targets as the merged root filesystem will show them
     * @return how many entries were applied, and the attributes the kernel refused
     * @throws EngineException when an entry is unsafe or malformed (the message names the entry),
     *     or the bytes are not a tar archive (the message names {@code what})
     * @throws IOException when the target folder cannot be written
     */
    public LayerApplyReport apply(InputStream tar, String what, Path target, List<Path> lowersTopFirst)
            throws IOException {
        LayerStackView view = new LayerStackView(target, lowersTopFirst);
        PaxXattrScanner scanner = new PaxXattrScanner(tar, what);
        List<DirectoryTime> directoryTimes = new ArrayList<>();
        Set<EntryPath> written = new HashSet<>();
        List<String> warnings = new ArrayList<>();
        int count = 0;
        try (TarArchiveInputStream in = new TarArchiveInputStream(scanner, "UTF-8")) {
            InputStream content = new NamedInput(in, what, TAR);
            TarArchiveEntry entry;
            int ordinal = 0;
            while ((entry = next(in, what)) != null) {
                Map<String, byte[]> rawXattrs = scanner.xattrsOf(ordinal++);
                applyEntry(entry, content, rawXattrs, view, written, directoryTimes, warnings);
                count++;
            }
            // Drain trailing blocks so that a digest over the whole stream sees every byte.
            new NamedInput(scanner, what, TAR).transferTo(OutputStream.nullOutputStream());
        }
        for (DirectoryTime d : directoryTimes.reversed()) {
            ops.lutimes(d.path(), d.time());
        }
        return new LayerApplyReport(count, warnings);
    }

    /** The next entry; a header that cannot be read is the layer's fault. */
    private static TarArchiveEntry next(TarArchiveInputStream in, String what) {
        try {
            return in.getNextEntry();
        } catch (IOException e) {
            throw NamedInput.unreadable(what, TAR, e);
        }
    }

    private record DirectoryTime(Path path, FileTime time) {
    }

    private void applyEntry(TarArchiveEntry entry, InputStream content, Map<String, byte[]> rawXattrs,
            LayerStackView view, Set<EntryPath> written, List<DirectoryTime> directoryTimes, List<String> warnings)
            throws IOException {
        String name = entry.getName();
        EntryPath path = EntryPath.parse(name, name, "path");
        if (path.isRoot()) {
            return;
        }
        String base = path.name();
        if (base.equals(OPAQUE_MARKER)) {
            markOpaque(path.parent(), name, view);
            return;
        }
        if (base.startsWith(WHITEOUT_PREFIX)) {
            whiteout(path, name, view, written);
            return;
        }
        view.prepareParents(path, name);
        Path p = view.inTarget(path);
        boolean keepDirectory = entry.isDirectory() && isDirectory(p);
        if (!keepDirectory) {
            removeExisting(p);
        }
        written.add(path);
        if (entry.isLink()) {
            hardlink(entry, p, view);
            return;
        }
        create(entry, content, p, keepDirectory);
        ops.lchown(p, entry.getLongUserId(), entry.getLongGroupId());
        for (Map.Entry<String, byte[]> x : xattrs(entry, rawXattrs).entrySet()) {
            try {
                ops.lsetxattr(p, x.getKey(), x.getValue());
            } catch (AttributeRefusedException e) {
                // Docker skips an attribute the kernel refuses (EPERM) with a warning, rather than
                // failing the layer: Linux refuses user.* attributes on symlinks, for one.
                warnings.add("layer entry \"" + name + "\": extended attribute " + x.getKey()
                        + " not set: the kernel refuses it for this " + kind(entry));
            }
        }
        if (!entry.isSymbolicLink()) {
            ops.chmod(p, entry.getMode());
        }
        FileTime mtime = entry.getLastModifiedTime();
        if (entry.isDirectory()) {
            directoryTimes.add(new DirectoryTime(p, mtime));
        } else {
            ops.lutimes(p, mtime);
        }
    }

    private void create(TarArchiveEntry entry, InputStream content, Path p, boolean keepDirectory)
            throws IOException {
        if (entry.isDirectory()) {
            if (!keepDirectory) {
                Files.createDirectory(p);
            }
        } else if (entry.isSymbolicLink()) {
            int length = entry.getLinkName().getBytes(StandardCharsets.UTF_8).length;
            if (length > LINK_MAX || entry.getLinkName().isEmpty()) {
                throw new EngineException("refusing layer entry \"" + entry.getName() + "\": a symlink target must be 1 to "
                        + LINK_MAX + " bytes long, this one is " + length);
            }
            if (entry.getLinkName().indexOf('\0') >= 0) {
                throw new EngineException("refusing layer entry \"" + entry.getName() + "\": its symlink target contains"
                        + " a NUL byte");
            }
            Files.createSymbolicLink(p, Path.of(entry.getLinkName()));
        } else if (entry.isCharacterDevice()) {
            ops.mknod(p, FileOps.NodeType.CHARACTER_DEVICE, entry.getMode(), entry.getDevMajor(), entry.getDevMinor());
        } else if (entry.isBlockDevice()) {
            ops.mknod(p, FileOps.NodeType.BLOCK_DEVICE, entry.getMode(), entry.getDevMajor(), entry.getDevMinor());
        } else if (entry.isFIFO()) {
            ops.mknod(p, FileOps.NodeType.FIFO, entry.getMode(), 0, 0);
        } else if (entry.isFile()) {
            try (OutputStream out = Files.newOutputStream(p, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
                content.transferTo(out);
            }
        } else {
            throw new EngineException("refusing layer entry \"" + entry.getName()
                    + "\": unsupported tar entry type (" + (entry.isGNUSparse() ? "GNU sparse file" : "unknown") + ")");
        }
    }

    private void hardlink(TarArchiveEntry entry, Path p, LayerStackView view) throws IOException {
        String name = entry.getName();
        EntryPath targetPath = EntryPath.parse(entry.getLinkName(), name, "hardlink target");
        checkParentsAreNotSymlinks(targetPath, name, view);
        LayerStackView.Found found = view.find(targetPath);
        switch (found.kind()) {
            case ABSENT -> throw new EngineException("refusing layer entry \"" + name + "\": hardlink target \""
                    + entry.getLinkName() + "\" does not exist in this layer or below it");
            case DIRECTORY -> throw new EngineException("refusing layer entry \"" + name + "\": hardlink target \""
                    + entry.getLinkName() + "\" is a folder");
            default -> Files.createLink(p, found.physical());
        }
    }

    private static void checkParentsAreNotSymlinks(EntryPath path, String entryName, LayerStackView view)
            throws IOException {
        EntryPath prefix = new EntryPath(List.of());
        for (String c : path.parent().components()) {
            prefix = prefix.child(c);
            if (view.find(prefix).kind() == LayerStackView.Kind.SYMLINK) {
                throw new EngineException("refusing layer entry \"" + entryName + "\": \"" + prefix
                        + "\" is a symlink, and a layer may not write through a symlink");
            }
        }
    }

    private void whiteout(EntryPath marker, String name, LayerStackView view, Set<EntryPath> written)
            throws IOException {
        String hidden = marker.name().substring(WHITEOUT_PREFIX.length());
        if (hidden.isEmpty()) {
            throw new EngineException("refusing layer entry \"" + name + "\": a whiteout must name a file after \".wh.\"");
        }
        if (hidden.equals(".") || hidden.equals("..")) {
            // ".wh.." and ".wh..." would hide the folder itself or its parent, which may be the
            // unpack folder's own parent: a whiteout names one entry of its folder, nothing else.
            throw new EngineException("refusing layer entry \"" + name + "\": a whiteout must name a file or folder"
                    + " after \".wh.\", not \"" + hidden + "\"");
        }
        if (hidden.startsWith(WHITEOUT_PREFIX)) {
            // AUFS metadata such as .wh..wh.plnk: meaningless outside AUFS.
            return;
        }
        EntryPath path = marker.parent().child(hidden);
        if (written.contains(path)) {
            // image-spec: a whiteout cannot hide a file of its own layer.
            return;
        }
        view.prepareParents(path, name);
        Path p = view.inTarget(path);
        removeExisting(p);
        ops.mknod(p, FileOps.NodeType.CHARACTER_DEVICE, 0, 0, 0);
    }

    private void markOpaque(EntryPath folder, String name, LayerStackView view) throws IOException {
        Path p = view.inTarget(folder);
        if (!folder.isRoot()) {
            view.prepareParents(folder, name);
            if (!isDirectory(p)) {
                removeExisting(p);
                Files.createDirectory(p);
                ops.chmod(p, 0755);
            }
        }
        ops.lsetxattr(p, OVERLAY_OPAQUE, "y".getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * The entry's own {@code SCHILY.xattr.*} attributes with their exact bytes. Attributes a global
     * PAX header gives every entry are left out, as Docker ignores global headers.
     */
    private static Map<String, byte[]> xattrs(TarArchiveEntry entry, Map<String, byte[]> raw) {
        Map<String, String> headers = entry.getExtraPaxHeaders();
        Map<String, byte[]> result = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> x : raw.entrySet()) {
            String decoded = headers.get(PAX_XATTR + x.getKey());
            if (decoded == null || !new String(x.getValue(), StandardCharsets.UTF_8).equals(decoded)) {
                throw new IllegalStateException("tar xattr scanner lost step at \"" + entry.getName() + "\"");
            }
            if (x.getKey().startsWith(OVERLAY_PREFIX)) {
                // overlayfs reads these from its layers (opaque, redirect, origin): only berth sets them.
                continue;
            }
            result.put(x.getKey(), x.getValue());
        }
        return result;
    }

    private static String kind(TarArchiveEntry entry) {
        if (entry.isSymbolicLink()) {
            return "symlink";
        }
        if (entry.isCharacterDevice() || entry.isBlockDevice()) {
            return "device node";
        }
        if (entry.isFIFO()) {
            return "FIFO";
        }
        return entry.isDirectory() ? "folder" : "file";
    }

    private static boolean isDirectory(Path p) {
        return Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS);
    }

    private static void removeExisting(Path p) throws IOException {
        if (isDirectory(p)) {
            Trees.deleteRecursively(p);
        } else {
            try {
                Files.deleteIfExists(p);
            } catch (DirectoryNotEmptyException e) {
                throw new FileSystemException(p.toString(), null, "cannot replace a folder that is not empty");
            }
        }
    }
}
