package dev.berth.engine.layer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import dev.berth.engine.EngineException;
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
