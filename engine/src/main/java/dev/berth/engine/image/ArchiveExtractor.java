package dev.berth.engine.image;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

import dev.berth.engine.core.EngineException;
import dev.berth.engine.layer.EntryPath;
import dev.berth.engine.layer.LayerCompression;
import dev.berth.engine.layer.NamedInput;
import dev.berth.engine.layer.PaxXattrScanner;

/**
 * Unpacks an image archive ({@code docker save} output or an OCI layout tar, possibly compressed)
 * into a scratch folder. Only folders and regular files are written; a symlink inside the archive
 * (legacy {@code docker save} uses them for repeated layers) becomes a hardlink to the file it
 * names, resolved lexically and refused when it leaves the archive.
 *
 * <p>Reading stops at the tar's end marker: what follows it is ignored, as {@code docker load}
 * ignores it. Bytes that are not a tar archive, or a truncated or corrupt compressed stream, are
 * refused with an {@link EngineException} naming the archive.
 */
final class ArchiveExtractor {

    private static final String TAR = "a tar archive";

    private ArchiveExtractor() {
    }

    /**
     * @param what names the archive in errors, such as {@code image archive /tmp/app.tar}
     * @throws EngineException when the archive cannot be read or holds an unsafe entry
     */
    static void extract(InputStream archive, String what, Path into) throws IOException {
        Map<EntryPath, String> symlinks = new LinkedHashMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(
                new PaxXattrScanner(LayerCompression.decompress(archive, null, what), what), "UTF-8")) {
            InputStream content = new NamedInput(tar, what, TAR);
            TarArchiveEntry entry;
            while ((entry = next(tar, what)) != null) {
                EntryPath path = EntryPath.parse(entry.getName(), entry.getName(), "path");
                if (path.isRoot()) {
                    continue;
                }
                Path p = resolve(into, path);
                if (entry.isDirectory()) {
                    Files.createDirectories(p);
                } else if (entry.isSymbolicLink() || entry.isLink()) {
                    // Checked before isFile(), which commons-compress also answers true for links.
                    symlinks.put(path, entry.isLink() ? "/" + entry.getLinkName() : entry.getLinkName());
                } else if (entry.isFile() && !entry.isCharacterDevice() && !entry.isBlockDevice() && !entry.isFIFO()) {
                    Files.createDirectories(p.getParent());
                    try (OutputStream out = Files.newOutputStream(p, StandardOpenOption.CREATE_NEW,
                            StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
                        content.transferTo(out);
                    }
                }
            }
        } catch (java.nio.file.FileAlreadyExistsException e) {
            throw new EngineException("image archive is malformed: it contains " + into.relativize(Path.of(e.getFile()))
                    + " twice");
        }
        for (Map.Entry<EntryPath, String> link : symlinks.entrySet()) {
            String target = link.getValue();
            String joined = target.startsWith("/") ? target : link.getKey().parent() + "/" + target;
            EntryPath resolved = EntryPath.parse(normalise(joined, link.getKey()), link.getKey().toString(), "link target");
            Path source = resolve(into, resolved);
            if (!Files.isRegularFile(source, LinkOption.NOFOLLOW_LINKS)) {
                throw new EngineException("image archive entry \"" + link.getKey() + "\" links to \"" + target
                        + "\", which is not a file in the archive");
            }
            Path p = resolve(into, link.getKey());
            Files.createDirectories(p.getParent());
            Files.createLink(p, source);
        }
    }

    private static TarArchiveEntry next(TarArchiveInputStream tar, String what) {
        try {
            return tar.getNextEntry();
        } catch (IOException e) {
            throw NamedInput.unreadable(what, TAR, e);
        }
    }

    /** Removes {@code ..} lexically, refusing paths that climb above the archive's root. */
    private static String normalise(String path, EntryPath entry) {
        java.util.Deque<String> parts = new java.util.ArrayDeque<>();
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    throw new EngineException("image archive entry \"" + entry + "\" links outside the archive");
                }
                parts.removeLast();
            } else {
                parts.addLast(part);
            }
        }
        return String.join("/", parts);
    }

    static Path resolve(Path root, EntryPath path) {
        Path p = root;
        for (String c : path.components()) {
            p = p.resolve(c);
        }
        return p;
    }
}
