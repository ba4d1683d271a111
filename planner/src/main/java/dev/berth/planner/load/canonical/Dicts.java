package dev.berth.planner.load.canonical;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;

import dev.berth.planner.StackException;
import dev.berth.planner.tree.Location;
import dev.berth.planner.tree.MapNode;
import dev.berth.planner.tree.Node;
import dev.berth.planner.tree.ScalarNode;
import dev.berth.planner.tree.SeqNode;

/**
 * Key-value attributes ({@code environment}, {@code labels}, {@code build.args}, ...) that may be
 * written as a mapping or as a list of {@code KEY=VALUE}: always a mapping of strings. Two kinds,
 * as compose-go's types ({@code types/mapping.go}, {@code types/labels.go}) read them:
 * {@link #withEquals} keeps a {@code KEY} written without {@code =} (or with a null value) as null,
 * to be taken from the environment; {@link #strings} makes it an empty string.
 */
final class Dicts {

    private Dicts() {
    }

    /**
     * {@code environment}, {@code build.args} and a hook's {@code environment} (compose-go's
     * {@code MappingWithEquals}): {@code KEY} alone or with a null value maps to null. A list entry
     * whose key ends in a space ({@code DEBUG = true}) is refused with Compose's words, since the
     * space would be part of the variable's name.
     */
    static Node withEquals(Node node, String path) {
        if (node instanceof SeqNode seq) {
            for (int i = 0; i < seq.size(); i++) {
                if (seq.get(i) instanceof ScalarNode s && s.value() != null) {
                    String text = s.asText();
                    String key = text.indexOf('=') < 0 ? text : text.substring(0, text.indexOf('='));
                    if (!key.isEmpty() && isSpace(key.charAt(key.length() - 1))) {
                        throw new StackException(s.location() + ": " + path + "[" + i + "]: environment variable "
                                + key + " is declared with a trailing space");
                    }
                }
            }
            return Nodes.keep(seq, fromList(seq, false));
        }
        return node instanceof MapNode map ? map.mapValues((k, v) -> Nodes.asString(v)) : node;
    }

    /** Go's {@code unicode.IsSpace} for the characters a key can end in. */
    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || c == '\u0085' || c == '\u00a0';
    }

    /**
     * {@code labels}, {@code sysctls}, {@code annotations}, options and the like (compose-go's
     * {@code Labels}, {@code Mapping} and {@code Options}): {@code KEY} alone or with a null value
     * maps to the empty string.
     */
    static Node strings(Node node) {
        if (node instanceof SeqNode seq) {
            return Nodes.keep(seq, fromList(seq, true));
        }
        return node instanceof MapNode map
                ? map.mapValues((k, v) -> v instanceof ScalarNode s && s.isNull() ? Nodes.keep(s, Nodes.str("", s.location())) : Nodes.asString(v))
                : node;
    }

    /** {@code build.ssh}: like {@link #withEquals}, a key id without a path maps to null. */
    static Node sshKeys(Node node) {
        if (node instanceof SeqNode seq) {
            return Nodes.keep(seq, fromList(seq, false));
        }
        return node instanceof MapNode map ? map.mapValues((k, v) -> Nodes.asString(v)) : node;
    }

    private static MapNode fromList(SeqNode seq, boolean emptyString) {
        SequencedMap<String, Node> entries = new LinkedHashMap<>();
        Map<String, Location> keys = new LinkedHashMap<>();
        for (Node item : seq.items()) {
            if (!(item instanceof ScalarNode s) || s.value() == null) {
                continue;
            }
            String text = s.asText();
            int eq = text.indexOf('=');
            String key = eq < 0 ? text : text.substring(0, eq);
            Node value = eq >= 0 ? Nodes.str(text.substring(eq + 1), s.location())
                    : emptyString ? Nodes.str("", s.location()) : Nodes.nil(s.location());
            entries.put(key, value);
            keys.put(key, s.location());
        }
        return new MapNode(entries, keys, seq.location(), null);
    }

    /**
     * {@code dns}: a string or list of strings as a list without its empty entries, which
     * compose-go's {@code OmitEmpty} drops ({@code dns: ${UNSET}} is an empty list).
     */
    static Node nonEmptyList(Node node) {
        if (list(node) instanceof SeqNode seq) {
            return Nodes.keep(node, seq.withItems(seq.items().stream()
                    .filter(i -> !(i instanceof ScalarNode s) || (s.value() != null && !"".equals(s.value()))).toList()));
        }
        return node;
    }

    /** A string or list of strings as a list ({@code dns_search}, {@code tmpfs}, {@code label_file}). */
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
