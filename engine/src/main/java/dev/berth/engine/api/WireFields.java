package dev.berth.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Typed reads of one JSON object of a request body (Docker's {@code Config}, {@code HostConfig}…),
 * each refusal naming the field by its path ({@code HostConfig.Memory}). Clients send many fields
 * as {@code null} or as their zero value: those read as absent. A field the route does not read is
 * refused when it holds anything but its zero value ({@link #refuseOthers}), so that berth never
 * accepts an option and then does not do what it says.
 */
final class WireFields {

    private final String path;
    private final JsonNode node;

    WireFields(String path, JsonNode node) {
        this.path = path;
        if (node != null && !node.isNull() && !node.isObject()) {
            throw ApiException.badRequest("invalid JSON: " + path + " must be an object");
        }
        this.node = node == null || node.isNull() ? null : node;
    }

    /** The field's raw node; null when absent or JSON null. */
    JsonNode raw(String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() ? null : v;
    }

    String name(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    WireFields object(String field) {
        return new WireFields(name(field), raw(field));
    }

    /** A string; null when absent. */
    String text(String field) {
        JsonNode v = raw(field);
        if (v == null) {
            return null;
        }
        if (!v.isTextual()) {
            throw invalid(field, "must be a string");
        }
        return v.asText();
    }

    boolean bool(String field) {
        JsonNode v = raw(field);
        if (v == null) {
            return false;
        }
        if (!v.isBoolean()) {
            throw invalid(field, "must be true or false");
        }
        return v.asBoolean();
    }

    /** An integer; {@code fallback} when absent. */
    long integer(String field, long fallback) {
        JsonNode v = raw(field);
        if (v == null) {
            return fallback;
        }
        if (!v.canConvertToLong() || !v.isIntegralNumber()) {
            throw invalid(field, "must be an integer");
        }
        return v.asLong();
    }

    /** A list of strings; null when absent. Docker's StrSlice also takes a single string. */
    List<String> strings(String field) {
        JsonNode v = raw(field);
        if (v == null) {
            return null;
        }
        if (v.isTextual()) {
            return List.of(v.asText());
        }
        if (!v.isArray()) {
            throw invalid(field, "must be a list of strings");
        }
        List<String> list = new ArrayList<>();
        for (JsonNode item : v) {
            if (!item.isTextual()) {
                throw invalid(field, "must be a list of strings");
            }
            list.add(item.asText());
        }
        return list;
    }

    /** An object of strings, in the order given; empty when absent. */
    Map<String, String> stringMap(String field) {
        JsonNode v = raw(field);
        Map<String, String> map = new LinkedHashMap<>();
        if (v == null) {
            return map;
        }
        if (!v.isObject()) {
            throw invalid(field, "must be an object of strings");
        }
        v.properties().forEach(e -> {
            if (!e.getValue().isTextual()) {
                throw invalid(field, "must be an object of strings (" + e.getKey() + " is not a string)");
            }
            map.put(e.getKey(), e.getValue().asText());
        });
        return map;
    }

    /** The keys of an object such as {@code ExposedPorts} or {@code Volumes} ({@code {"80/tcp": {}}}). */
    List<String> keys(String field) {
        JsonNode v = raw(field);
        if (v == null) {
            return List.of();
        }
        if (!v.isObject()) {
            throw invalid(field, "must be an object");
        }
        List<String> keys = new ArrayList<>();
        v.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    /** The items of a list of objects; empty when absent. */
    List<WireFields> objects(String field) {
        JsonNode v = raw(field);
        if (v == null) {
            return List.of();
        }
        if (!v.isArray()) {
            throw invalid(field, "must be a list of objects");
        }
        List<WireFields> items = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            items.add(new WireFields(name(field) + "[" + i + "]", v.get(i)));
        }
        return items;
    }

    /**
     * Refuses every field not in {@code read} that holds something other than its zero value
     * ({@code null}, {@code false}, {@code 0}, {@code ""}, {@code []}, {@code {}}).
     *
     * @throws ApiException 400 naming the field and its value
     */
    void refuseOthers(Set<String> read) {
        if (node == null) {
            return;
        }
        node.properties().forEach(e -> {
            if (!read.contains(e.getKey()) && !isZero(e.getValue())) {
                throw ApiException.badRequest(name(e.getKey()) + " " + e.getValue()
                        + " is not supported by berth: it would have no effect, so it is refused; leave it out");
            }
        });
    }

    /** True for Docker's zero values: what a client sends for an option it was not given. */
    static boolean isZero(JsonNode v) {
        if (v == null || v.isNull()) {
            return true;
        }
        if (v.isBoolean()) {
            return !v.asBoolean();
        }
        if (v.isNumber()) {
            return v.asDouble() == 0;
        }
        if (v.isTextual()) {
            return v.asText().isEmpty();
        }
        return v.isEmpty();
    }

    ApiException invalid(String field, String why) {
        return ApiException.badRequest("invalid JSON: " + name(field) + " " + why);
    }

    /** 400 for a value berth cannot honour, naming the field, the value and why. */
    ApiException refused(String field, Object value, String why) {
        return ApiException.badRequest(name(field) + " " + value + " is not supported by berth: " + why);
    }
}
