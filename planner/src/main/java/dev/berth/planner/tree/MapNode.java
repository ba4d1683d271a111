package dev.berth.planner.tree;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
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
        // Maps this class has just built and hands over are wrapped without another copy: the
        // with/without/mapValues chains of the loader would otherwise copy every mapping twice.
        entries = Collections.unmodifiableSequencedMap(entries instanceof Owned<Node> owned ? owned
                : new LinkedHashMap<>(entries));
        keyLocations = keyLocations instanceof Owned<Location> owned ? Collections.unmodifiableMap(owned)
                : Map.copyOf(keyLocations);
        directive = Directive.orNone(directive);
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
        Owned<Node> e = new Owned<>(entries);
        e.put(key, value);
        Owned<Location> k = new Owned<>(keyLocations);
        k.put(key, Objects.requireNonNull(keyLocation, "keyLocation"));
        return new MapNode(e, k, location, directive);
    }

    public MapNode without(String key) {
        if (!entries.containsKey(key)) {
            return this;
        }
        Owned<Node> e = new Owned<>(entries);
        e.remove(key);
        Owned<Location> k = new Owned<>(keyLocations);
        k.remove(key);
        return new MapNode(e, k, location, directive);
    }

    /**
     * This mapping with every value replaced by {@code f(key, value)}; a null result drops the key.
     * When {@code f} returns every value itself, the result is this mapping.
     */
    public MapNode mapValues(BiFunction<String, Node, Node> f) {
        Owned<Node> e = null;
        Owned<Location> k = null;
        for (var entry : entries.entrySet()) {
            String key = entry.getKey();
            Node v = f.apply(key, entry.getValue());
            if (e == null && v != entry.getValue()) {
                e = new Owned<>();
                k = new Owned<>();
                for (var before : entries.entrySet()) {
                    if (before.getKey().equals(key)) {
                        break;
                    }
                    e.put(before.getKey(), before.getValue());
                    k.put(before.getKey(), keyLocation(before.getKey()));
                }
            }
            if (e != null && v != null) {
                e.put(key, v);
                k.put(key, keyLocation(key));
            }
        }
        return e == null ? this : new MapNode(e, k, location, directive);
    }

    @Override
    public MapNode withDirective(Directive d) {
        return Directive.orNone(d) == directive ? this : new MapNode(entries, keyLocations, location, d);
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

    /** A map built by this class and handed to the constructor, which keeps it rather than copying it. */
    private static final class Owned<V> extends LinkedHashMap<String, V> {

        Owned() {
        }

        Owned(Map<String, ? extends V> from) {
            super(from);
        }
    }
}
