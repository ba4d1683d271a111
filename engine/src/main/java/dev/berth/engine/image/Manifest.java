package dev.berth.engine.image;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.berth.engine.core.EngineException;

/**
 * An image manifest (OCI {@code manifest.md}, or Docker's schema 2): the config blob and the layer
 * blobs, bottom first.
 */
public record Manifest(Descriptor config, List<Descriptor> layers) {

    public Manifest {
        layers = List.copyOf(layers);
    }

    /** Parses a manifest; the {@code mediaType} field is optional, as umoci leaves it out. */
    public static Manifest parse(byte[] json, String what) {
        ObjectNode root = Json.parseObject(json, what);
        String mediaType = Json.text(root, "mediaType");
        if (MediaTypes.DOCKER_SCHEMA1.equals(mediaType) || root.path("schemaVersion").asInt() == 1) {
            throw new EngineException(what + " is a Docker schema 1 manifest, which berth does not read;"
                    + " re-save the image with a current Docker or skopeo");
        }
        if (mediaType != null && MediaTypes.isIndex(mediaType) || root.has("manifests")) {
            throw new EngineException(what + " is an image index, not an image manifest");
        }
        if (!root.path("config").isObject()) {
            throw new EngineException(what + ": the manifest has no config descriptor");
        }
        List<Descriptor> layers = new ArrayList<>();
        for (JsonNode layer : root.path("layers")) {
            layers.add(descriptor(layer, what));
        }
        return new Manifest(descriptor(root.get("config"), what), layers);
    }

    /** Parses a descriptor object. */
    static Descriptor descriptor(JsonNode node, String what) {
        String digest = Json.text(node, "digest");
        if (digest == null || !Digest.isDigest(digest)) {
            throw new EngineException(what + ": descriptor has an invalid digest \"" + digest + "\"");
        }
        Map<String, String> annotations = new TreeMap<>();
        node.path("annotations").properties().forEach(e -> annotations.put(e.getKey(), e.getValue().asText()));
        return new Descriptor(Json.text(node, "mediaType"), Digest.parse(digest), node.path("size").asLong(-1),
                annotations);
    }

    /** The manifest as OCI JSON (what berth writes when it builds a manifest itself). */
    public byte[] toJson() {
        Map<String, Object> root = new java.util.LinkedHashMap<>();
        root.put("schemaVersion", 2);
        root.put("mediaType", MediaTypes.OCI_MANIFEST);
        root.put("config", descriptorJson(config));
        root.put("layers", layers.stream().map(Manifest::descriptorJson).toList());
        return Json.write(root);
    }

    static Map<String, Object> descriptorJson(Descriptor d) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("mediaType", d.mediaType());
        m.put("digest", d.digest().toString());
        m.put("size", d.size());
        if (!d.annotations().isEmpty()) {
            m.put("annotations", new TreeMap<>(d.annotations()));
        }
        return m;
    }
}
