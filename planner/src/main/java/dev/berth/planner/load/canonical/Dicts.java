package dev.berth.planner.load.canonical;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;

import dev.berth.planner.tree.Location;
import dev.berth.planner.tree.MapNode;
import dev.berth.planner.tree.Node;
import dev.berth.planner.tree.ScalarNode;
import dev.berth.planner.tree.SeqNode;

/**
 * Key-value attributes ({@code environment}, {@code labels}, {@code build.args}, ...) that may be
 * written as a mapping or as a list of {@code KEY=VALUE}: always a mapping of strings, where a
 * {@code KEY} written without {@code =} (or with a null value) maps to null.
 */
final class Dicts {

    private Dicts() {
    }

    static Node canonical(Node node) {
        if (node instanceof SeqNode seq) {
            return Nodes.keep(seq, fromList(seq));
        }
        return node instanceof MapNode map ? map.mapValues((k, v) -> Nodes.asString(v)) : node;
    }

    private static MapNode fromList(SeqNode seq) {
        SequencedMap<String, Node> entries = new LinkedHashMap<>();
        Map<String, Location> keys = new LinkedHashMap<>();
        for (Node item : seq.items()) {
            if (!(item instanceof ScalarNode s) || s.value() == null) {
                continue;
            }
            String text = s.asText();
            int eq = text.indexOf('=');
            String key = eq < 0 ? text : text.substring(0, eq);
            Node value = eq < 0 ? Nodes.nil(s.location()) : Nodes.str(text.substring(eq + 1), s.location());
            entries.put(key, value);
            keys.put(key, s.location());
        }
        return new MapNode(entries, keys, seq.location(), null);
    }

    /** A string or list of strings as a list ({@code dns}, {@code tmpfs}, {@code label_file}). */
    static Node list(Node node) {
        if (node instanceof ScalarNode s && s.value() != null) {
            return Nodes.keep(s, SeqNode.of(List.of(Nodes.str(s.asText(), s.location())), s.location()));
        }
        return node;
    }

    /** Every scalar item of a list as a string ({@code expose}, {@code group_add}). */
    static Node stringItems(Node node) {
        if (node instanceof SeqNode seq) {
            List<Node> items = new ArrayList<>();
            for (Node n : seq.items()) {
                items.add(Nodes.asString(n));
            }
            return seq.withItems(items);
        }
        return node;
    }
}
