package dev.berth.engine.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.berth.engine.core.EngineException;

class BlobStoreTest {

    @TempDir
    Path dir;

    @Test
    void write_storesContentUnderItsSha256() throws IOException {
        BlobStore store = new BlobStore(dir.resolve("images"), dir.resolve("tmp"));
        byte[] bytes = "hello\n".getBytes(StandardCharsets.UTF_8);

        Digest digest = store.write(bytes);

        assertThat(digest.toString())
                .isEqualTo("sha256:5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03");
        assertThat(dir.resolve("images/blobs/sha256/" + digest.hex())).hasBinaryContent(bytes);
        assertThat(dir.resolve("tmp")).isEmptyDirectory();
    }

    @Test
    void write_refusesContentNotMatchingTheExpectedDigest_andStoresNothing() throws IOException {
        BlobStore store = new BlobStore(dir.resolve("images"), dir.resolve("tmp"));
        Digest expected = Digest.of("something else");

        assertThatThrownBy(() -> store.write(new ByteArrayInputStream("hello\n".getBytes(StandardCharsets.UTF_8)),
                expected, -1, "layer"))
                .isInstanceOf(EngineException.class)
                .hasMessage("layer: digest mismatch: expected " + expected + ", got "
                        + "sha256:5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03"
                        + " (the content is corrupt or does not belong to this image)");
        try (var files = Files.list(dir.resolve("images/blobs/sha256"))) {
            assertThat(files).isEmpty();
        }
        assertThat(dir.resolve("tmp")).isEmptyDirectory();
    }

    @Test
    void write_refusesAWrongSize() {
        BlobStore store = new BlobStore(dir.resolve("images"), dir.resolve("tmp"));
        byte[] bytes = "hello\n".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> store.write(new ByteArrayInputStream(bytes), Digest.of(bytes), 7, "config"))
                .hasMessage("config sha256:5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03:"
                        + " size mismatch: expected 7 bytes, got 6");
    }

    @Test
    void digest_parseRefusesOtherAlgorithms() {
        assertThatThrownBy(() -> Digest.parse("sha512:abc"))
                .hasMessage("invalid digest \"sha512:abc\": expected sha256:<64 hex digits>");
    }
}
