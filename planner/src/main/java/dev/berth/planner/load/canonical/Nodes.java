package dev.berth.planner.load.canonical;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;

import dev.berth.planner.tree.Location;
import dev.berth.planner.tree.MapNode;
import dev.berth.planner.tree.Node;
import dev.berth.planner.tree.ScalarNode;
import dev.berth.planner.tree.SeqNode;

/** Small builders for located nodes made from other nodes: every value berth makes takes the location of the value it came from. */
final class Nodes {

    private Nodes() {
    }

    static ScalarNode str(String value, Location at) {
        return ScalarNode.of(value, at);
    }

    static ScalarNode num(long value, Location at) {
        return ScalarNode.of(value, at);
    }

    static ScalarNode bool(boolean value, Location at) {
        return ScalarNode.of(value, at);
    }

    static ScalarNode nil(Location at) {
        return ScalarNode.of(null, at);
    }

    /** A mapping at {@code at} with the given entries, in order, each key located at {@code at} too. */
    static MapNode map(Location at, SequencedMap<String, Node> entries) {
        Map<String, Location> keys = new LinkedHashMap<>();
        for (String k : entries.keySet()) {
            keys.put(k, at);
        }
        return new MapNode(entries, keys, at, null);
    }

    static SequencedMap<String, Node> entries() {
        return new LinkedHashMap<>();
    }

    static SeqNode seq(List<? extends Node> items, Location at) {
        return SeqNode.of(items, at);
    }

    /** {@code made} with the merge directive the user wrote on {@code original}. */
    @SuppressWarnings("unchecked")
    static <T extends Node> T keep(Node original, T made) {
        return (T) made.withDirective(original.directive());
    }

    /** The scalar's text, numbers and booleans printed as YAML would. */
    static String text(Node node) {
        return node instanceof ScalarNode s ? s.asText() : null;
    }

    /** The value as a string scalar at the same place (numbers and booleans printed). */
    static Node asString(Node node) {
        if (node instanceof ScalarNode s && s.value() != null && !s.isString()) {
            return keep(s, str(s.asText(), s.location()));
        }
        return node;
    }
}
