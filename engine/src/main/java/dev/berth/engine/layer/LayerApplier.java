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

import dev.berth.engine.EngineException;

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
 */
public final class LayerApplier {

    private static final String WHITEOUT_PREFIX = ".wh.";
    private static final String OPAQUE_MARKER = ".wh..wh..opq";
    private static final String OVERLAY_OPAQUE = "trusted.overlay.opaque";
    private static final String OVERLAY_PREFIX = "trusted.overlay.";
    private static final String PAX_XATTR = "SCHILY.xattr.";

    private final FileOps ops;

    public LayerApplier(FileOps ops) {
        this.ops = ops;
    }

    /**
     * Applies the tar read from {@code tar} into the empty-or-partial folder {@code target}.
     *
     * @param tar the uncompressed layer; read to its end
     * @param target the folder that receives this layer's content only
     * @param lowersTopFirst the already unpacked layers below this one, nearest first; read only,
     *     to see symlinks and hardlink targets as the merged root filesystem will show them
     * @return how many entries were applied
     * @throws EngineException when an entry is unsafe or malformed; the message names the entry
     */
    public LayerApplyReport apply(InputStream tar, Path target, List<Path> lowersTopFirst) throws IOException {
        LayerStackView view = new LayerStackView(target, lowersTopFirst);
        PaxXattrScanner scanner = new PaxXattrScanner(tar);
        List<DirectoryTime> directoryTimes = new ArrayList<>();
        Set<EntryPath> written = new HashSet<>();
        int count = 0;
        try (TarArchiveInputStream in = new TarArchiveInputStream(scanner, "UTF-8")) {
            TarArchiveEntry entry;
            int ordinal = 0;
            while ((entry = in.getNextEntry()) != null) {
                Map<String, byte[]> rawXattrs = scanner.xattrsOf(ordinal++);
                applyEntry(entry, in, rawXattrs, view, written, directoryTimes);
                count++;
            }
            // Drain trailing blocks so that a digest over the whole stream sees every byte.
            scanner.transferTo(OutputStream.nullOutputStream());
        }
        for (DirectoryTime d : directoryTimes.reversed()) {
            ops.lutimes(d.path(), d.time());
        }
        return new LayerApplyReport(count);
    }

    private record DirectoryTime(Path path, FileTime time) {
    }

    private void applyEntry(TarArchiveEntry entry, InputStream content, Map<String, byte[]> rawXattrs,
            LayerStackView view, Set<EntryPath> written, List<DirectoryTime> directoryTimes) throws IOException {
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
            ops.lsetxattr(p, x.getKey(), x.getValue());
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

    private static Map<String, byte[]> xattrs(TarArchiveEntry entry, Map<String, byte[]> raw) {
        Map<String, byte[]> result = new LinkedHashMap<>();
        for (Map.Entry<String, String> h : entry.getExtraPaxHeaders().entrySet()) {
            if (h.getKey().startsWith(PAX_XATTR)) {
                String attr = h.getKey().substring(PAX_XATTR.length());
                if (attr.startsWith(OVERLAY_PREFIX)) {
                    // overlayfs reads these from its layers (opaque, redirect, origin): only berth sets them.
                    continue;
                }
                byte[] exact = raw.get(attr);
                if (exact == null || !new String(exact, StandardCharsets.UTF_8).equals(h.getValue())) {
                    throw new IllegalStateException("tar xattr scanner lost step at \"" + entry.getName() + "\"");
                }
                result.put(attr, exact);
            }
        }
        return result;
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
