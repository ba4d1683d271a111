package dev.berth.engine.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The store's {@code index.json} (OCI {@code image-layout.md}): one manifest descriptor per tag,
 * the tag kept as the annotation {@code org.opencontainers.image.ref.name} holding the fully
 * normalised reference (e.g. {@code docker.io/library/busybox:latest}). Images loaded without a
 * name have a descriptor without that annotation. Written whole to a temporary file and renamed.
 */
final class ImageIndex {

    static final String REF_NAME = "org.opencontainers.image.ref.name";

    /** One line of the index: a manifest and the reference naming it, if any. */
    record Entry(Descriptor manifest, Optional<ImageReference> reference) {
    }

    private final Path file;
    private final Path layoutFile;

    ImageIndex(Path layoutRoot) {
        this.file = layoutRoot.resolve("index.json");
        this.layoutFile = layoutRoot.resolve("oci-layout");
    }

    List<Entry> read() throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        ObjectNode root = Json.parseObject(MetadataLimit.STORE_INDEX.read(file, "image index " + file),
                "image index " + file);
        List<Entry> entries = new ArrayList<>();
        for (JsonNode m : root.path("manifests")) {
            Descriptor d = Manifest.descriptor(m, "image index " + file);
            String ref = d.annotations().get(REF_NAME);
            entries.add(new Entry(d, Optional.ofNullable(ref).map(ImageReference::parse)));
        }
        return entries;
    }

    void write(List<Entry> entries) throws IOException {
        Files.createDirectories(file.getParent());
        if (!Files.exists(layoutFile)) {
            atomicWrite(layoutFile, "{\"imageLayoutVersion\":\"1.0.0\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparing((Entry e) -> e.reference().map(Object::toString).orElse(""))
                .thenComparing(e -> e.manifest().digest().hex()));
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schemaVersion", 2);
        root.put("mediaType", MediaTypes.OCI_INDEX);
        root.put("manifests", sorted.stream().map(e -> {
            Map<String, String> annotations = new LinkedHashMap<>(e.manifest().annotations());
            annotations.remove(REF_NAME);
            e.reference().ifPresent(r -> annotations.put(REF_NAME, r.toString()));
            return Manifest.descriptorJson(new Descriptor(e.manifest().mediaType(), e.manifest().digest(),
                    e.manifest().size(), annotations));
        }).toList());
        atomicWrite(file, Json.write(root));
    }

    private static void atomicWrite(Path target, byte[] bytes) throws IOException {
        Path temp = target.resolveSibling(target.getFileName() + ".tmp-" + ProcessHandle.current().pid());
        Files.write(temp, bytes);
        try (var channel = java.nio.channels.FileChannel.open(temp, java.nio.file.StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
