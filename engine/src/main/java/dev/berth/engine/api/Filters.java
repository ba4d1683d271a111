package dev.berth.engine.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The {@code filters} query parameter: a JSON object from a key to its values, in either shape
 * Docker accepts — the map form {@code {"label":{"a=b":true}}} that the docker CLI sends and the
 * legacy list form {@code {"label":["a=b"]}} of docker-py, docker-java and Testcontainers
 * (engine-api.md §2.7, moby {@code filters.FromJSON}).
 */
public record Filters(Map<String, List<String>> values) {

    public static final Filters NONE = new Filters(Map.of());

    public Filters {
        Map<String, List<String>> copy = new TreeMap<>();
        values.forEach((key, list) -> copy.put(key, List.copyOf(list)));
        values = Collections.unmodifiableMap(copy);
    }

    /**
     * Parses the raw (already URL-decoded) parameter; null or blank means no filters.
     *
     * @throws ApiException 400 naming the raw input when it is not one of the two shapes
     */
    public static Filters parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return NONE;
        }
        JsonNode root;
        try {
            root = ApiJson.MAPPER.readTree(raw);
        } catch (JsonProcessingException e) {
            throw invalid(raw, "not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw invalid(raw, "expected a JSON object from filter names to values");
        }
        Map<String, List<String>> values = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            values.put(field.getKey(), valuesOf(raw, field.getKey(), field.getValue()));
        }
        return new Filters(values);
    }

    private static List<String> valuesOf(String raw, String key, JsonNode node) {
        List<String> list = new ArrayList<>();
        if (node.isArray()) {
            for (JsonNode value : node) {
                if (!value.isTextual()) {
                    throw invalid(raw, "the values of \"" + key + "\" must be strings");
                }
                list.add(value.asText());
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> value = it.next();
                if (!value.getValue().isBoolean()) {
                    throw invalid(raw, "the values of \"" + key + "\" must map to true or false");
                }
                if (value.getValue().asBoolean()) {
                    list.add(value.getKey());
                }
            }
        } else {
            throw invalid(raw, "the values of \"" + key + "\" must be a list or a map");
        }
        return list;
    }

    private static ApiException invalid(String raw, String why) {
        return ApiException.badRequest("invalid filters " + raw + ": " + why);
    }

    /**
     * Refuses a filter name the route does not know, with Docker's wording
     * ({@code invalid filter 'foo'}).
     */
    public Filters requireKnown(Set<String> known) {
        for (String key : values.keySet()) {
            if (!known.contains(key)) {
                throw ApiException.badRequest("invalid filter '" + key + "'");
            }
        }
        return this;
    }

    /** The values given for {@code key}; empty when the filter is absent. */
    public List<String> get(String key) {
        return values.getOrDefault(key, List.of());
    }

    public boolean has(String key) {
        return values.containsKey(key) && !values.get(key).isEmpty();
    }

    /**
     * Docker's label matching: every {@code label} term must hold (AND); {@code key} alone asks
     * for the label's presence, {@code key=value} for that exact value.
     */
    public boolean matchesLabels(String filterKey, Map<String, String> labels) {
        for (String term : get(filterKey)) {
            if (!matchesLabel(term, labels)) {
                return false;
            }
        }
        return true;
    }

    /** One label term: {@code key} asks for the label's presence, {@code key=value} for that exact value. */
    public static boolean matchesLabel(String term, Map<String, String> labels) {
        int eq = term.indexOf('=');
        return eq < 0 ? labels.containsKey(term) : term.substring(eq + 1).equals(labels.get(term.substring(0, eq)));
    }

    /** True when {@code key} is absent or one of its values equals {@code value} (OR). */
    public boolean matchesAny(String key, String value) {
        return !has(key) || get(key).contains(value);
    }
}
