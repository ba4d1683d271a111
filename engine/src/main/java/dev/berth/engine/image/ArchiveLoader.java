package dev.berth.engine.image;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

import dev.berth.engine.core.EngineException;
import dev.berth.engine.layer.EntryPath;

/**
 * Reads an extracted image archive into the blob store: an OCI layout ({@code oci-layout},
 * {@code index.json}; also what Docker 25 and later write inside {@code docker save} output) or a
 * legacy {@code docker save} archive ({@code manifest.json}, {@code repositories}, one
 * {@code layer.tar} per layer). Every blob is checked against its digest as it is stored
 * (images.md §1.2, §1.3).
 */
final class ArchiveLoader {

    static final String CONTAINERD_NAME = "io.containerd.image.name";

    /** An image found in an archive: its manifest (already stored) and the names the archive gives it. */
    record Found(Descriptor manifest, List<ImageReference> names) {
    }

    private final BlobStore blobs;

    ArchiveLoader(BlobStore blobs) {
        this.blobs = blobs;
    }

    /** @param what names the archive in errors */
    List<Found> load(Path dir, String what) throws IOException {
        if (Files.isRegularFile(dir.resolve("index.json"))) {
            return loadOciLayout(dir);
        }
        if (Files.isRegularFile(dir.resolve("manifest.json"))) {
            return loadDockerSave(dir);
        }
        throw new EngineException(what + " is neither a docker save archive (no manifest.json) nor an"
                + " OCI image layout (no index.json)");
    }

    private List<Found> loadOciLayout(Path dir) throws IOException {
        JsonNode index = Json.parseObject(MetadataLimit.INDEX.read(dir.resolve("index.json"), "archive index.json"),
                "archive index.json");
        Map<Digest, List<ImageReference>> legacyNames = Files.isRegularFile(dir.resolve("manifest.json"))
                ? legacyNamesByConfig(dir) : Map.of();
        List<Found> found = new ArrayList<>();
        for (JsonNode m : index.path("manifests")) {
            Descriptor d = Manifest.descriptor(m, "archive index.json");
            Descriptor manifest = selectManifest(dir, d);
            if (manifest == null) {
                continue;
            }
            Manifest parsed = storeManifest(dir, manifest);
            List<ImageReference> names = new ArrayList<>();
            String containerdName = d.annotations().get(CONTAINERD_NAME);
            String refName = d.annotations().get(ImageIndex.REF_NAME);
            if (containerdName != null) {
                names.add(ImageReference.parse(containerdName));
            } else if (refName != null && (refName.contains(":") || refName.contains("/"))) {
                names.add(ImageReference.parse(refName));
            } else {
                names.addAll(legacyNames.getOrDefault(parsed.config().digest(), List.of()));
            }
            found.add(new Found(manifest, names));
        }
        return found;
    }

    /** The manifest a top-level descriptor leads to: itself, or this platform's entry of an index. */
    private Descriptor selectManifest(Path dir, Descriptor d) throws IOException {
        String type = d.mediaType() == null ? "" : d.mediaType();
        if (MediaTypes.isManifest(type)) {
            return d;
        }
        if (!MediaTypes.isIndex(type)) {
            return null;
        }
        byte[] bytes = readVerified(dir, d, MetadataLimit.INDEX);
        JsonNode nested = Json.parseObject(bytes, "image index " + d.digest());
        for (JsonNode m : nested.path("manifests")) {
            Descriptor candidate = Manifest.descriptor(m, "image index " + d.digest());
            JsonNode platform = m.path("platform");
            if (MediaTypes.isManifest(candidate.mediaType() == null ? "" : candidate.mediaType())
                    && "linux".equals(platform.path("os").asText())
                    && Platform.architecture().equals(platform.path("architecture").asText())) {
                return candidate;
            }
        }
        throw new EngineException("image index " + d.digest() + " has no manifest for linux/" + Platform.architecture());
    }

    private Manifest storeManifest(Path dir, Descriptor manifest) throws IOException {
        byte[] bytes = readVerified(dir, manifest, MetadataLimit.MANIFEST);
        Manifest parsed = Manifest.parse(bytes, "manifest " + manifest.digest());
        storeBlob(dir, parsed.config());
        for (Descriptor layer : parsed.layers()) {
            storeBlob(dir, layer);
        }
        blobs.write(new java.io.ByteArrayInputStream(bytes), manifest.digest(), manifest.size(),
                "manifest " + manifest.digest());
        return parsed;
    }

    private void storeBlob(Path dir, Descriptor d) throws IOException {
        Path file = dir.resolve("blobs").resolve("sha256").resolve(d.digest().hex());
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            blobs.write(in, d.digest(), d.size(), "blob " + d.digest());
        } catch (NoSuchFileException e) {
            throw new EngineException("the archive lacks blob " + d.digest() + " (" + d.mediaType() + ")");
        }
    }

    private static byte[] readVerified(Path dir, Descriptor d, MetadataLimit limit) throws IOException {
        String what = "blob " + d.digest() + " (" + d.mediaType() + ")";
        limit.checkDeclared(d.size(), what);
        byte[] bytes;
        try {
            bytes = limit.read(dir.resolve("blobs").resolve("sha256").resolve(d.digest().hex()), what);
        } catch (NoSuchFileException e) {
            throw new EngineException("the archive lacks blob " + d.digest() + " (" + d.mediaType() + ")");
        }
        Digest actual = Digest.of(bytes);
        if (!actual.equals(d.digest())) {
            throw new EngineException("blob " + d.digest() + ": digest mismatch: expected " + d.digest() + ", got "
                    + actual + " (the content is corrupt or does not belong to this image)");
        }
        return bytes;
    }

    private List<Found> loadDockerSave(Path dir) throws IOException {
        List<Found> found = new ArrayList<>();
        for (JsonNode item : manifestJson(dir)) {
            Path configFile = file(dir, item.path("Config").asText(), "Config");
            Digest configDigest;
            long configSize = Files.size(configFile);
            try (InputStream in = Files.newInputStream(configFile)) {
                configDigest = blobs.write(in);
            }
            List<Descriptor> layers = new ArrayList<>();
            for (JsonNode layerPath : item.path("Layers")) {
                Path layerFile = file(dir, layerPath.asText(), "Layers");
                Digest digest;
                try (InputStream in = Files.newInputStream(layerFile)) {
                    digest = blobs.write(in);
                }
                layers.add(new Descriptor(layerMediaType(layerFile), digest, Files.size(layerFile)));
            }
            Manifest manifest = new Manifest(new Descriptor(MediaTypes.OCI_CONFIG, configDigest, configSize), layers);
            byte[] manifestBytes = manifest.toJson();
            Digest manifestDigest = blobs.write(manifestBytes);
            found.add(new Found(new Descriptor(MediaTypes.OCI_MANIFEST, manifestDigest, manifestBytes.length),
                    repoTags(item)));
        }
        return found;
    }

    private static ArrayNode manifestJson(Path dir) throws IOException {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(MetadataLimit.INDEX.read(dir.resolve("manifest.json"), "archive manifest.json"));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new EngineException("archive manifest.json is not valid JSON: " + e.getOriginalMessage());
        }
        if (!(node instanceof ArrayNode array)) {
            throw new EngineException("archive manifest.json must be a JSON list of images");
        }
        return array;
    }

    private Map<Digest, List<ImageReference>> legacyNamesByConfig(Path dir) throws IOException {
        Map<Digest, List<ImageReference>> names = new HashMap<>();
        for (JsonNode item : manifestJson(dir)) {
            Path configFile = file(dir, item.path("Config").asText(), "Config");
            names.put(Digest.of(MetadataLimit.CONFIG.read(configFile, "archive file " + item.path("Config").asText())),
                    repoTags(item));
        }
        return names;
    }

    private static List<ImageReference> repoTags(JsonNode item) {
        List<ImageReference> names = new ArrayList<>();
        for (JsonNode tag : item.path("RepoTags")) {
            names.add(ImageReference.parse(tag.asText()));
        }
        return names;
    }

    private static Path file(Path dir, String name, String field) {
        Path p = ArchiveExtractor.resolve(dir, EntryPath.parse(name, "manifest.json " + field, "file"));
        if (!Files.isRegularFile(p)) {
            throw new EngineException("archive manifest.json names " + field + " file \"" + name
                    + "\", which is not in the archive");
        }
        return p;
    }

    private static String layerMediaType(Path layerFile) throws IOException {
        byte[] magic;
        try (InputStream in = Files.newInputStream(layerFile)) {
            magic = in.readNBytes(4);
        }
        if (magic.length >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
            return MediaTypes.OCI_LAYER_GZIP;
        }
        if (magic.length == 4 && (magic[0] & 0xff) == 0x28 && (magic[1] & 0xff) == 0xb5) {
            return MediaTypes.OCI_LAYER_ZSTD;
        }
        return MediaTypes.OCI_LAYER;
    }
}
