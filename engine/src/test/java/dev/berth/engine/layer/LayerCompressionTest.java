package dev.berth.engine.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import dev.berth.engine.core.EngineException;
import dev.berth.engine.testing.ImageArchives;
import dev.berth.engine.testing.ImageArchives.Compression;

class LayerCompressionTest {

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] read(byte[] blob, String mediaType) throws IOException {
        try (InputStream in = LayerCompression.decompress(new ByteArrayInputStream(blob), mediaType, "layer sha256:ab")) {
            return in.readAllBytes();
        }
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    @Test
    void gzip_readsConcatenatedMembers() throws IOException {
        byte[] blob = concat(ImageArchives.compress(bytes("one "), Compression.GZIP),
                ImageArchives.compress(bytes("two"), Compression.GZIP));

        assertThat(read(blob, null)).asString(StandardCharsets.UTF_8).isEqualTo("one two");
    }

    @Test
    void gzip_ignoresTrailingBytesThatStartNoMember() throws IOException {
        byte[] blob = concat(ImageArchives.compress(bytes("content"), Compression.GZIP), bytes("garbage after it"));

        assertThat(read(blob, "application/vnd.oci.image.layer.v1.tar+gzip")).asString(StandardCharsets.UTF_8)
                .isEqualTo("content");
    }

    @Test
    void gzip_truncated_isAnErrorNamingTheInput() throws IOException {
        byte[] gzip = ImageArchives.compress(bytes("x".repeat(10_000) + "y".repeat(10_000)), Compression.GZIP);
        byte[] cut = Arrays.copyOf(gzip, gzip.length / 2);

        assertThatThrownBy(() -> read(cut, null))
                .isInstanceOf(EngineException.class)
                .hasMessage("layer sha256:ab: cannot read it as gzip data: the data ends too early (is the file"
                        + " truncated?)");
    }

    @Test
    void gzip_corrupt_isAnErrorNamingTheInput() throws IOException {
        byte[] gzip = ImageArchives.compress(bytes("some content to compress"), Compression.GZIP);
        gzip[gzip.length - 6] ^= 0x55;

        assertThatThrownBy(() -> read(gzip, null))
                .isInstanceOf(EngineException.class)
                .hasMessage("layer sha256:ab: cannot read it as gzip data: Gzip-compressed data is corrupt (CRC32 error)");
    }

    @Test
    void zstd_truncated_isAnErrorNamingTheInput() throws IOException {
        byte[] zstd = ImageArchives.compress(bytes("x".repeat(10_000)), Compression.ZSTD);
        byte[] cut = Arrays.copyOf(zstd, zstd.length - 4);

        assertThatThrownBy(() -> read(cut, null))
                .isInstanceOf(EngineException.class)
                .hasMessageStartingWith("layer sha256:ab: cannot read it as zstd data: ");
    }

    @Test
    void mediaTypeThatPromisesAnotherCompression_isRefused() {
        assertThatThrownBy(() -> read(bytes("plain tar bytes"), "application/vnd.oci.image.layer.v1.tar+gzip"))
                .isInstanceOf(EngineException.class)
                .hasMessage("layer sha256:ab: media type application/vnd.oci.image.layer.v1.tar+gzip says gzip but the"
                        + " content is none");
    }
}
