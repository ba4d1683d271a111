package dev.berth.engine.layer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import dev.berth.engine.core.EngineException;
import dev.berth.engine.testing.RecordingFileOps;
import dev.berth.engine.testing.TarWriter;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Random layers built from escape-prone pieces never write outside the root folder. */
class LayerApplierProperties {

    /** One tar entry: kind 0 file, 1 folder, 2 symlink, 3 hardlink, 4 whiteout. */
    record Entry(int kind, String name, String link) {
    }

    @Property(tries = 300)
    void apply_neverWritesOutsideTheRoot(@ForAll("layers") List<Entry> entries) throws IOException {
        Path sandbox = Files.createTempDirectory("berth-layer-prop-");
        try {
            Path root = Files.createDirectory(sandbox.resolve("root"));
            TarWriter tar = new TarWriter();
            for (Entry e : entries) {
                switch (e.kind()) {
                    case 0 -> tar.file(e.name(), "x");
                    case 1 -> tar.dir(e.name() + "/", 0755);
                    case 2 -> tar.symlink(e.name(), e.link());
                    case 3 -> tar.hardlink(e.name(), e.link());
                    default -> tar.file(e.name() + "/.wh.x", "");
                }
            }
            try {
                new LayerApplier(new RecordingFileOps()).apply(new ByteArrayInputStream(tar.toBytes()), root, List.of());
            } catch (EngineException | IOException e) {
                // Refusing is fine; writing outside is not.
            }
            try (Stream<Path> outside = Files.list(sandbox)) {
                assertThat(outside).containsExactly(root);
            }
            for (String name : List.of("a", "b", "c", "x", ".wh.x")) {
                assertThat(Path.of("/tmp", name)).as("absolute symlinks point at /tmp").doesNotExist();
            }
        } finally {
            Trees.deleteRecursively(sandbox);
        }
    }

    /**
     * A valid layer with PAX xattrs, a global header and long names, with bytes overwritten at
     * random: applying it succeeds or fails with an error a person can act on (EngineException
     * naming the entry or the layer, or IOException from writing the target), never with
     * another exception, which would reach the user as "internal error".
     */
    @Property(tries = 400)
    void apply_ofMutatedBytes_failsOnlyWithAClearError(@ForAll("mutations") List<int[]> mutations) throws IOException {
        byte[] tar = new TarWriter()
                .globalPax(java.util.Map.of("SCHILY.xattr.user.g", "g".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .dir("d/", 0755)
                .fileWithXattrs("d/f", "content", java.util.Map.of("user.a", new byte[] {1, 2, (byte) 0xff}))
                .file("long/" + "x".repeat(120), "deep")
                .symlink("d/l", "f")
                .file("d/.wh.gone", "")
                .toBytes();
        for (int[] m : mutations) {
            tar[m[0] % tar.length] = (byte) m[1];
        }
        Path sandbox = Files.createTempDirectory("berth-layer-fuzz-");
        try {
            Path root = Files.createDirectory(sandbox.resolve("root"));
            try {
                new LayerApplier(new RecordingFileOps()).apply(new ByteArrayInputStream(tar), "layer x", root, List.of());
            } catch (EngineException | IOException e) {
                assertThat(e.getMessage()).isNotBlank();
            }
            try (Stream<Path> outside = Files.list(sandbox)) {
                assertThat(outside).containsExactly(root);
            }
        } finally {
            Trees.deleteRecursively(sandbox);
        }
    }

    @Provide
    Arbitrary<List<int[]>> mutations() {
        Arbitrary<int[]> one = Combinators.combine(Arbitraries.integers().between(0, 1 << 16),
                Arbitraries.integers().between(0, 255)).as((at, value) -> new int[] {at, value});
        return one.list().ofMinSize(1).ofMaxSize(8);
    }

    @Provide
    Arbitrary<List<Entry>> layers() {
        Arbitrary<String> piece = Arbitraries.of("..", ".", "a", "b", "", "/", "..", "c");
        Arbitrary<String> path = piece.list().ofMinSize(1).ofMaxSize(5).map(p -> String.join("/", p))
                .filter(p -> !p.isEmpty() && p.getBytes(java.nio.charset.StandardCharsets.UTF_8).length < 90);
        Arbitrary<String> link = Arbitraries.oneOf(path, Arbitraries.of("/", "..", "../..", "/tmp", "/tmp/", "a/../.."));
        Arbitrary<Entry> entry = Combinators.combine(Arbitraries.integers().between(0, 4), path, link).as(Entry::new);
        return entry.list().ofMinSize(1).ofMaxSize(6);
    }
}
