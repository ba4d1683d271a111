package dev.berth.engine.image;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.stream.Stream;

import dev.berth.engine.core.EngineException;

/**
 * Content-addressed blobs under {@code blobs/sha256/<hex>} of an OCI image layout. A blob is
 * streamed through a digest into a temporary file beside the store, checked, and only then renamed
 * into place, so a blob under its name always has that digest.
 */
public final class BlobStore {

    private final Path blobs;
    private final Path tmp;

    /** A store under {@code layoutRoot}, with temporary files in {@code tmp} on the same file system. */
    public BlobStore(Path layoutRoot, Path tmp) {
        this.blobs = layoutRoot.resolve("blobs").resolve("sha256");
        this.tmp = tmp;
    }

    public Path path(Digest digest) {
        return blobs.resolve(digest.hex());
    }

    public boolean contains(Digest digest) {
        return Files.isRegularFile(path(digest));
    }

    /**
     * Writes a blob whose digest must be {@code expected} (and size {@code expectedSize} unless it
     * is negative).
     *
     * @throws EngineException naming the expected and actual digest when the content does not match
     */
    public Digest write(InputStream content, Digest expected, long expectedSize, String what) throws IOException {
        if (contains(expected)) {
            content.transferTo(OutputStream.nullOutputStream());
            return expected;
        }
        Digest actual = writeAndName(content, expected, expectedSize, what);
        return actual;
    }

    /** Writes a blob of unknown digest and returns the digest it is stored under. */
    public Digest write(InputStream content) throws IOException {
        return writeAndName(content, null, -1, "blob");
    }

    /** Writes bytes as a blob and returns their digest. */
    public Digest write(byte[] bytes) throws IOException {
        Digest digest = Digest.of(bytes);
        return write(new java.io.ByteArrayInputStream(bytes), digest, bytes.length, "blob");
    }

    private Digest writeAndName(InputStream content, Digest expected, long expectedSize, String what)
            throws IOException {
        Files.createDirectories(blobs);
        Files.createDirectories(tmp);
        Path temp = Files.createTempFile(tmp, "blob-", ".part");
        try {
            MessageDigest digester = Digest.newDigester();
            long size;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temp), digester)) {
                size = content.transferTo(out);
            }
            Digest actual = Digest.fromDigester(digester);
            if (expected != null && !expected.equals(actual)) {
                throw new EngineException(what + ": digest mismatch: expected " + expected + ", got " + actual
                        + " (the content is corrupt or does not belong to this image)");
            }
            if (expectedSize >= 0 && size != expectedSize) {
                throw new EngineException(what + " " + actual + ": size mismatch: expected " + expectedSize
                        + " bytes, got " + size);
            }
            try (var channel = java.nio.channels.FileChannel.open(temp, java.nio.file.StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            try {
                Files.move(temp, path(actual), StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException e) {
                // Another writer stored the same content first.
            }
            return actual;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Reads a whole metadata blob, refusing one larger than {@code limit} allows. */
    byte[] read(Digest digest, MetadataLimit limit, String what) throws IOException {
        try {
            return limit.read(path(digest), what);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new EngineException("blob " + digest + " is missing from the image store " + blobs
                    + "; load the image again");
        }
    }

    public InputStream open(Digest digest) throws IOException {
        return Files.newInputStream(path(digest));
    }

    public void delete(Digest digest) throws IOException {
        Files.deleteIfExists(path(digest));
    }

    /** Every stored blob's digest. */
    public java.util.List<Digest> list() throws IOException {
        if (!Files.isDirectory(blobs)) {
            return java.util.List.of();
        }
        try (Stream<Path> files = Files.list(blobs)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.matches("[a-f0-9]{64}"))
                    .map(Digest::new).sorted(java.util.Comparator.comparing(Digest::hex)).toList();
        }
    }

    /** The bytes all stored blobs take. */
    public long totalSize() throws IOException {
        long total = 0;
        for (Digest d : list()) {
            try {
                total += Files.size(path(d));
            } catch (java.nio.file.NoSuchFileException gone) {
                // deleted since it was listed: it takes no room
            }
        }
        return total;
    }
}
