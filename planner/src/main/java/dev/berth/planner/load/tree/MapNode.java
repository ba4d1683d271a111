package dev.berth.planner.load.tree;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SequencedMap;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * A YAML mapping with string keys in the order they were written. Each key keeps its own location
 * (where a misspelt key was typed) beside the location of its value.
 */
public record MapNode(SequencedMap<String, Node> entries, Map<String, Location> keyLocations,
                      Location location, Directive directive) implements Node {

    public MapNode {
        entries = Collections.unmodifiableSequencedMap(new LinkedHashMap<>(entries));
        keyLocations = Map.copyOf(keyLocations);
        if (directive == null) {
            directive = Directive.NONE;
        }
    }

    public static MapNode empty(Location location) {
        return new MapNode(new LinkedHashMap<>(), Map.of(), location, Directive.NONE);
    }

    public Node get(String key) {
        return entries.get(key);
    }

    public boolean has(String key) {
        return entries.containsKey(key);
    }

    public Set<String> keys() {
        return entries.keySet();
    }

    public int size() {
        return entries.size();
    }

    /** Where the key was written, or the mapping's own location when berth added the key. */
    public Location keyLocation(String key) {
        return keyLocations.getOrDefault(key, location);
    }

    /** This mapping with {@code key} set to {@code value} (kept in place if present, else appended). */
    public MapNode with(String key, Node value) {
        return with(key, value, keyLocations.getOrDefault(key, value.location()));
    }

    public MapNode with(String key, Node value, Location keyLocation) {
        LinkedHashMap<String, Node> e = new LinkedHashMap<>(entries);
        e.put(key, value);
        Map<String, Location> k = new LinkedHashMap<>(keyLocations);
        k.put(key, keyLocation);
        return new MapNode(e, k, location, directive);
    }

    public MapNode without(String key) {
        if (!entries.containsKey(key)) {
            return this;
        }
        LinkedHashMap<String, Node> e = new LinkedHashMap<>(entries);
        e.remove(key);
        Map<String, Location> k = new LinkedHashMap<>(keyLocations);
        k.remove(key);
        return new MapNode(e, k, location, directive);
    }

    /** This mapping with every value replaced by {@code f(key, value)}; a null result drops the key. */
    public MapNode mapValues(BiFunction<String, Node, Node> f) {
        LinkedHashMap<String, Node> e = new LinkedHashMap<>();
        Map<String, Location> k = new LinkedHashMap<>();
        for (var entry : entries.entrySet()) {
            Node v = f.apply(entry.getKey(), entry.getValue());
            if (v != null) {
                e.put(entry.getKey(), v);
                k.put(entry.getKey(), keyLocation(entry.getKey()));
            }
        }
        return new MapNode(e, k, location, directive);
    }

    @Override
    public MapNode withDirective(Directive d) {
        return new MapNode(entries, keyLocations, location, d);
    }

    @Override
    public Object toPlain() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (var e : entries.entrySet()) {
            out.put(e.getKey(), e.getValue().toPlain());
        }
        return out;
    }

    @Override
    public String kind() {
        return "mapping";
    }
}
