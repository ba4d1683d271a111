package dev.berth.engine.image;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import dev.berth.engine.core.EngineException;
import dev.berth.engine.layer.LayerApplier;
import dev.berth.engine.layer.LayerApplyReport;
import dev.berth.engine.layer.LayerCompression;
import dev.berth.engine.layer.Trees;

/**
 * Unpacked layers, shared read-only between images and containers, one folder per ChainID under
 * {@code <dataRoot>/layers/<chainID hex>/}, each holding that layer's own content in overlayfs
 * lower-layer form.
 *
 * <p>A layer is unpacked into a fresh temporary folder and renamed into place only when complete
 * and its DiffID checked, so a folder under its name is always whole; two processes unpacking the
 * same layer at once both succeed, and the loser discards its copy. What a layer's application
 * skipped (see {@link dev.berth.engine.layer.LayerApplyReport#warnings()}) goes to the warning sink.
 */
public final class UnpackedLayers {

    private final Path root;
    private final Path tmp;
    private final BlobStore blobs;
    private final LayerApplier applier;
    private final Consumer<String> warnings;

    /** Unpacked layers whose warnings are printed to standard error. */
    public UnpackedLayers(Path root, Path tmp, BlobStore blobs, LayerApplier applier) {
        this(root, tmp, blobs, applier, ImageWarnings.STANDARD_ERROR);
    }

    /** @param warnings receives one line per thing a layer's application skipped */
    public UnpackedLayers(Path root, Path tmp, BlobStore blobs, LayerApplier applier, Consumer<String> warnings) {
        this.root = root;
        this.tmp = tmp;
        this.blobs = blobs;
        this.applier = applier;
        this.warnings = warnings;
    }

    /** ChainIDs of a layer list (image-spec {@code config.md}), bottom first. */
    public static List<Digest> chainIds(List<Digest> diffIds) {
        List<Digest> chain = new ArrayList<>();
        Digest previous = null;
        for (Digest diffId : diffIds) {
            previous = previous == null ? diffId : Digest.of(previous + " " + diffId);
            chain.add(previous);
        }
        return chain;
    }

    public Path folder(Digest chainId) {
        return root.resolve(chainId.hex());
    }

    /**
     * Makes sure every layer of an image is unpacked and returns their folders, bottom first.
     *
     * @param layers the layer blobs, bottom first
     * @param diffIds the DiffIDs the image config promises, bottom first
     */
    public List<Path> ensureUnpacked(List<Descriptor> layers, List<Digest> diffIds) throws IOException {
        if (layers.size() != diffIds.size()) {
            throw new EngineException("image has " + layers.size() + " layers but its config lists " + diffIds.size()
                    + " diff_ids");
        }
        List<Digest> chain = chainIds(diffIds);
        List<Path> folders = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            Path folder = folder(chain.get(i));
            if (!Files.isDirectory(folder)) {
                unpack(layers.get(i), diffIds.get(i), folder, folders.reversed());
            }
            folders.add(folder);
        }
        return folders;
    }

    private void unpack(Descriptor layer, Digest diffId, Path folder, List<Path> lowersTopFirst) throws IOException {
        Files.createDirectories(root);
        Files.createDirectories(tmp);
        Path work = Files.createTempDirectory(tmp, "unpack-");
        try {
            Files.setAttribute(work, "unix:mode", 0755);
            String what = "layer " + layer.digest();
            MessageDigest digester = Digest.newDigester();
            LayerApplyReport report;
            try (InputStream blob = blobs.open(layer.digest());
                    InputStream tar = new DigestInputStream(
                            LayerCompression.decompress(blob, layer.mediaType(), what), digester)) {
                report = applier.apply(tar, what, work, lowersTopFirst);
            } catch (IOException e) {
                // Reading errors are the layer's and arrive as EngineException; these are the data root's.
                throw new EngineException(what + ": cannot unpack it under " + tmp + ": " + DataRoot.describe(e), e);
            }
            report.warnings().forEach(w -> warnings.accept(what + ": " + w));
            Digest actual = Digest.fromDigester(digester);
            if (!actual.equals(diffId)) {
                throw new EngineException(what + ": digest mismatch of the uncompressed content: expected diff_id "
                        + diffId + ", got " + actual);
            }
            try {
                Files.move(work, folder, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileSystemException e) {
                if (!Files.isDirectory(folder)) {
                    throw e;
                }
                // Another unpack of the same layer finished first; its copy is as good as ours.
            }
        } finally {
            Trees.deleteRecursively(work);
        }
    }

    /** Deletes unpacked layers whose ChainID is not in {@code keep}. */
    public void retainOnly(java.util.Set<Digest> keep) throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (var folders = Files.list(root)) {
            for (Path p : folders.toList()) {
                String name = p.getFileName().toString();
                if (name.matches("[a-f0-9]{64}") && !keep.contains(new Digest(name))) {
                    Trees.deleteRecursively(p);
                }
            }
        }
    }
}
