package dev.berth.engine.image;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.berth.engine.core.EngineException;
import dev.berth.engine.core.Healthcheck;

/**
 * The parts of an image configuration (OCI image-spec {@code config.md}, Docker's image JSON) that
 * the runtime applies to a container, plus the layer list. Absent fields are empty lists, empty
 * maps or null; default values such as PATH are the runtime's job, not this record's.
 *
 * @param architecture e.g. {@code amd64}
 * @param os e.g. {@code linux}
 * @param created the creation time as written (RFC 3339), or null
 * @param env {@code KEY=VALUE} entries in image order
 * @param entrypoint the entrypoint, or null when the image sets none
 * @param cmd the default command, or null when the image sets none
 * @param workingDir the working directory, or null
 * @param user the user ({@code name}, {@code uid}, {@code uid:gid}, ...), or null
 * @param exposedPorts ports such as {@code 80/tcp}, sorted
 * @param volumes volume mount points, sorted
 * @param labels labels, sorted by key
 * @param stopSignal the stop signal, e.g. {@code SIGTERM}, or null
 * @param healthcheck the Docker healthcheck, or null
 * @param diffIds the DiffIDs of the layers, bottom first
 */
public record ImageConfig(String architecture, String os, String created, List<String> env,
        List<String> entrypoint, List<String> cmd, String workingDir, String user, List<String> exposedPorts,
        List<String> volumes, Map<String, String> labels, String stopSignal, Healthcheck healthcheck,
        List<Digest> diffIds) {

    public ImageConfig {
        env = List.copyOf(env);
        entrypoint = entrypoint == null ? null : List.copyOf(entrypoint);
        cmd = cmd == null ? null : List.copyOf(cmd);
        exposedPorts = List.copyOf(exposedPorts);
        volumes = List.copyOf(volumes);
        labels = java.util.Collections.unmodifiableMap(new TreeMap<>(labels));
        diffIds = List.copyOf(diffIds);
    }

    /**
     * Parses an image configuration blob.
     *
     * @param what names the blob in errors, e.g. {@code image config sha256:…}
     */
    public static ImageConfig parse(byte[] json, String what) {
        ObjectNode root = Json.parseObject(json, what);
        JsonNode config = root.path("config");
        JsonNode rootfs = root.path("rootfs");
        if (!rootfs.isObject() || !"layers".equals(rootfs.path("type").asText())) {
            throw new EngineException(what + ": rootfs.type must be \"layers\"");
        }
        List<Digest> diffIds = new ArrayList<>();
        for (JsonNode d : rootfs.path("diff_ids")) {
            if (!Digest.isDigest(d.asText())) {
                throw new EngineException(what + ": rootfs.diff_ids has an invalid digest \"" + d.asText() + "\"");
            }
            diffIds.add(Digest.parse(d.asText()));
        }
        return new ImageConfig(Json.text(root, "architecture"), Json.text(root, "os"), Json.text(root, "created"),
                strings(config, "Env", what), nullableStrings(config, "Entrypoint", what),
                nullableStrings(config, "Cmd", what), emptyToNull(Json.text(config, "WorkingDir")),
                emptyToNull(Json.text(config, "User")), keys(config.path("ExposedPorts")),
                keys(config.path("Volumes")), labels(config.path("Labels")),
                emptyToNull(Json.text(config, "StopSignal")), healthcheck(config.path("Healthcheck"), what), diffIds);
    }

    private static Healthcheck healthcheck(JsonNode h, String what) {
        if (!h.isObject()) {
            return null;
        }
        return Healthcheck.ofNanos(strings(h, "Test", what), h.path("Interval").asLong(), h.path("Timeout").asLong(),
                h.path("StartPeriod").asLong(), h.path("StartInterval").asLong(), h.path("Retries").asInt());
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static List<String> strings(JsonNode parent, String field, String what) {
        List<String> list = nullableStrings(parent, field, what);
        return list == null ? List.of() : list;
    }

    private static List<String> nullableStrings(JsonNode parent, String field, String what) {
        JsonNode node = parent.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (node.isTextual()) {
            // Some old images store a single string where a list belongs.
            return List.of(node.asText());
        }
        if (!node.isArray()) {
            throw new EngineException(what + ": config." + field + " must be a list of strings");
        }
        List<String> list = new ArrayList<>();
        node.forEach(n -> list.add(n.asText()));
        return list;
    }

    private static List<String> keys(JsonNode object) {
        TreeSet<String> keys = new TreeSet<>();
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            keys.add(it.next());
        }
        return List.copyOf(keys);
    }

    private static Map<String, String> labels(JsonNode object) {
        Map<String, String> labels = new TreeMap<>();
        object.properties().forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
        return labels;
    }
}
