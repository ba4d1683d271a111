package dev.berth.planner.model;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import dev.berth.planner.tree.MapNode;
import dev.berth.planner.tree.Node;
import dev.berth.planner.tree.ScalarNode;
import dev.berth.planner.tree.SeqNode;
import dev.berth.planner.units.Durations;

/** Typed reads of a canonical model's values; absent keys give null, empty lists or empty maps. */
final class Fields {

    private Fields() {
    }

    static MapNode map(MapNode m, String key) {
        return m != null && m.get(key) instanceof MapNode v ? v : null;
    }

    static String string(MapNode m, String key) {
        return m != null && m.get(key) instanceof ScalarNode s && s.value() != null ? s.asText() : null;
    }

    static Long number(MapNode m, String key) {
        if (m != null && m.get(key) instanceof ScalarNode s) {
            return switch (s.value()) {
                case Long l -> l;
                case Double d -> d.longValue();
                case String t when t.matches("-?\\d+") -> Long.parseLong(t);
                case null, default -> null;
            };
        }
        return null;
    }

    static Double decimal(MapNode m, String key) {
        return m != null && m.get(key) instanceof ScalarNode s && s.value() instanceof Number n ? n.doubleValue() : null;
    }

    static boolean flag(MapNode m, String key) {
        return m != null && m.get(key) instanceof ScalarNode s && Boolean.TRUE.equals(s.value());
    }

    static Boolean optionalFlag(MapNode m, String key) {
        return m != null && m.get(key) instanceof ScalarNode s && s.value() instanceof Boolean b ? b : null;
    }

    static Duration duration(MapNode m, String key) {
        String text = string(m, key);
        return text == null ? null : Duration.ofNanos(Durations.parseNanos(text));
    }

    /** A list of strings, or null when the key is absent or null (so "not set" differs from "set empty"). */
    static List<String> strings(MapNode m, String key) {
        if (m == null || !(m.get(key) instanceof SeqNode seq)) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (Node n : seq.items()) {
            if (n instanceof ScalarNode s && s.value() != null) {
                out.add(s.asText());
            }
        }
        return List.copyOf(out);
    }

    static List<String> stringsOrEmpty(MapNode m, String key) {
        List<String> s = strings(m, key);
        return s == null ? List.of() : s;
    }

    /**
     * Each entry of the mapping at {@code key} made into a value by {@code from}, in written order,
     * unmodifiable; an entry whose value is not a mapping (a null) is read as an empty mapping.
     */
    static <T> Map<String, T> entries(MapNode m, String key, BiFunction<String, MapNode, T> from) {
        MapNode map = map(m, key);
        Map<String, T> out = new LinkedHashMap<>();
        if (map != null) {
            map.entries().forEach((k, v) -> out.put(k, from.apply(k, v instanceof MapNode d ? d : MapNode.empty(v.location()))));
        }
        return Collections.unmodifiableMap(out);
    }

    /** A mapping of strings in written order; null values kept as null. */
    static Map<String, String> stringMap(MapNode m, String key) {
        MapNode map = map(m, key);
        if (map == null) {
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        map.entries().forEach((k, v) -> out.put(k, v instanceof ScalarNode s ? s.asText() : null));
        return Collections.unmodifiableMap(out);
    }
}
