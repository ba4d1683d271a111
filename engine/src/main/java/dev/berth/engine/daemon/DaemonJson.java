package dev.berth.engine.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads the daemon's configuration file ({@code /etc/berth/daemon.json}), with Docker's
 * daemon.json key names where Docker has one. An unknown key or a value of the wrong type is
 * refused, naming the file and the key: a setting berth would silently ignore is worse than
 * one it refuses.
 *
 * @see <a href="https://docs.docker.com/reference/cli/dockerd/#daemon-configuration-file">dockerd: daemon configuration file</a>
 */
public final class DaemonJson {

    static final Set<String> KEYS = new TreeSet<>(List.of("data-root", "hosts", "pidfile", "log-file",
            "registry-mirrors", "insecure-registries", "default-address-pools", "log-opts", "labels"));

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private DaemonJson() {
    }

    /**
     * The settings in {@code file}; {@link DaemonSettings#NONE} when the file does not exist and
     * {@code required} is false.
     *
     * @throws DaemonException when the file cannot be read, is not JSON, or holds an unknown key
     *                         or a value of the wrong type
     */
    public static DaemonSettings read(Path file, boolean required) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            if (required) {
                throw new DaemonException(file + ": no such configuration file");
            }
            return DaemonSettings.NONE;
        } catch (IOException e) {
            throw new DaemonException(file + ": cannot read the configuration file: " + IoErrors.describe(e), e);
        }
        return parse(file, text);
    }

    static DaemonSettings parse(Path file, String text) {
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw new DaemonException(file + ": not valid JSON" + where + ": " + e.getOriginalMessage(),
                    e instanceof JsonParseException ? e : null);
        }
        if (root == null || root.isMissingNode()) {
            return DaemonSettings.NONE;
        }
        if (!root.isObject()) {
            throw new DaemonException(file + ": expected a JSON object of settings, not " + kind(root));
        }
        Reader reader = new Reader(file);
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!KEYS.contains(key)) {
                throw new DaemonException(file + ": unknown key \"" + key + "\"; berth reads "
                        + String.join(", ", KEYS));
            }
        }
        return new DaemonSettings(
                reader.strings(root, "hosts"),
                reader.path(root, "data-root"),
                reader.path(root, "pidfile"),
                reader.path(root, "log-file"),
                reader.strings(root, "registry-mirrors"),
                reader.strings(root, "insecure-registries"),
                reader.pools(root, "default-address-pools"),
                reader.stringMap(root, "log-opts"),
                reader.strings(root, "labels"));
    }

    private record Reader(Path file) {

        Path path(JsonNode root, String key) {
            JsonNode node = root.get(key);
            if (node == null) {
                return null;
            }
            if (!node.isTextual()) {
                throw wrongType(key, "a string", node);
            }
            Path path = Path.of(node.asText());
            if (!path.isAbsolute()) {
                throw new DaemonException(file + ": \"" + key + "\" must be an absolute path, not \"" + node.asText() + "\"");
            }
            return path;
        }

        List<String> strings(JsonNode root, String key) {
            JsonNode node = root.get(key);
            if (node == null) {
                return null;
            }
            if (!node.isArray()) {
                throw wrongType(key, "a list of strings", node);
            }
            List<String> values = new ArrayList<>();
            for (JsonNode value : node) {
                if (!value.isTextual()) {
                    throw wrongType(key + "[" + values.size() + "]", "a string", value);
                }
                values.add(value.asText());
            }
            return List.copyOf(values);
        }

        Map<String, String> stringMap(JsonNode root, String key) {
            JsonNode node = root.get(key);
            if (node == null) {
                return null;
            }
            if (!node.isObject()) {
                throw wrongType(key, "an object of strings", node);
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                if (!entry.getValue().isTextual()) {
                    throw wrongType(key + "." + entry.getKey(), "a string", entry.getValue());
                }
                values.put(entry.getKey(), entry.getValue().asText());
            }
            return Map.copyOf(values);
        }

        List<AddressPool> pools(JsonNode root, String key) {
            JsonNode node = root.get(key);
            if (node == null) {
                return null;
            }
            if (!node.isArray()) {
                throw wrongType(key, "a list of {\"base\": CIDR, \"size\": N} objects", node);
            }
            List<AddressPool> pools = new ArrayList<>();
            for (JsonNode pool : node) {
                String at = key + "[" + pools.size() + "]";
                if (!pool.isObject()) {
                    throw wrongType(at, "an object {\"base\": CIDR, \"size\": N}", pool);
                }
                for (Iterator<String> it = pool.fieldNames(); it.hasNext(); ) {
                    String field = it.next();
                    if (!field.equals("base") && !field.equals("size")) {
                        throw new DaemonException(file + ": unknown key \"" + at + "." + field + "\"; a pool has base and size");
                    }
                }
                JsonNode base = pool.get("base");
                JsonNode size = pool.get("size");
                if (base == null || !base.isTextual() || !base.asText().matches("[0-9.]+/[0-9]{1,2}")) {
                    throw new DaemonException(file + ": \"" + at + ".base\" must be an IPv4 CIDR such as \"172.30.0.0/16\"");
                }
                if (size == null || !size.isInt() || size.asInt() < 1 || size.asInt() > 32) {
                    throw new DaemonException(file + ": \"" + at + ".size\" must be a prefix length from 1 to 32");
                }
                pools.add(new AddressPool(base.asText(), size.asInt()));
            }
            return List.copyOf(pools);
        }

        private DaemonException wrongType(String key, String expected, JsonNode actual) {
            return new DaemonException(file + ": \"" + key + "\" must be " + expected + ", not " + kind(actual));
        }
    }

    private static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case ARRAY -> "a list";
            case OBJECT -> "an object";
            case NULL -> "null";
            default -> node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
