package dev.berth.engine.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.berth.engine.core.EngineException;
import dev.berth.engine.layer.Trees;
import dev.berth.engine.testing.ImageArchives;
import dev.berth.engine.testing.ImageArchives.Compression;
import dev.berth.engine.testing.RecordingFileOps;
import dev.berth.engine.testing.TarWriter;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * An image archive with bytes overwritten at random either loads or fails with an
 * {@link EngineException} (never an exception the CLI would call an internal error), and a
 * refused load leaves no image, blob or scratch folder behind.
 */
class ImageLoadProperties {

    private static final byte[] LAYER = new TarWriter().dir("etc/", 0755).file("etc/motd", "hi\n")
            .fileWithXattrs("bin/ping", "x", java.util.Map.of("security.capability", new byte[] {1, 0, 0, 2}))
            .symlink("bin/sh", "ping").toBytes();

    @Property(tries = 150)
    void load_ofAMutatedArchive_loadsOrFailsClearly(@ForAll("forms") int form,
            @ForAll("mutations") List<int[]> mutations) throws IOException {
        byte[] config = ImageArchives.config("\"Cmd\":[\"sh\"]", List.of(LAYER));
        byte[] archive = switch (form) {
            case 0 -> ImageArchives.dockerSaveLegacy("app:1", config, List.of(LAYER));
            case 1 -> ImageArchives.ociLayout("x.io/app:1", config, List.of(LAYER), Compression.NONE);
            default -> ImageArchives.compress(ImageArchives.ociLayout("x.io/app:1", config, List.of(LAYER),
                    Compression.GZIP), Compression.GZIP);
        };
        for (int[] m : mutations) {
            archive[m[0] % archive.length] = (byte) m[1];
        }
        Path dataRoot = Files.createTempDirectory("berth-load-fuzz-");
        try {
            ImageStore store = new ImageStore(dataRoot, new RecordingFileOps(), ImageUsage.NONE, w -> { });
            try {
                store.load(new ByteArrayInputStream(archive), "image archive fuzz.tar");
            } catch (EngineException e) {
                assertThat(e.getMessage()).isNotBlank();
                assertThat(store.list()).isEmpty();
                assertThat(store.blobs().list()).isEmpty();
            }
            assertThat(dataRoot.resolve("tmp")).isEmptyDirectory();
        } finally {
            Trees.deleteRecursively(dataRoot);
        }
    }

    @Provide
    Arbitrary<Integer> forms() {
        return Arbitraries.integers().between(0, 2);
    }

    @Provide
    Arbitrary<List<int[]>> mutations() {
        Arbitrary<int[]> one = Combinators.combine(Arbitraries.integers().between(0, 1 << 20),
                Arbitraries.integers().between(0, 255)).as((at, value) -> new int[] {at, value});
        return one.list().ofMinSize(1).ofMaxSize(4);
    }
}
