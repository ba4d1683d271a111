package dev.berth.planner.load.merge;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SequencedMap;
import java.util.Set;

import dev.berth.planner.tree.Directive;
import dev.berth.planner.tree.Location;
import dev.berth.planner.tree.MapNode;
import dev.berth.planner.tree.Node;
import dev.berth.planner.tree.ScalarNode;
import dev.berth.planner.tree.SeqNode;

/**
 * Merges canonical documents as Docker Compose merges several {@code -f} files (compose-spec
 * 13-merge.md; compose.md 1.4.12): mappings deep-merged with the later value winning, sequences
 * appended, {@code command}/{@code entrypoint}/{@code healthcheck.test} replaced, key-value
 * attributes merged by key, plain lists de-duplicated, unique-key sequences (ports, volumes,
 * secrets, configs, devices, ...) with a later entry replacing an earlier one; a value tagged
 * {@code !reset} removes what it overrides, one tagged {@code !override} replaces it unmerged.
 * Surviving values keep their locations; the result carries no directives.
 */
public final class Merger {

    private Merger() {
    }

    /** {@code override} merged onto {@code base}, both whole documents. */
    public static MapNode merge(MapNode base, MapNode override) {
        return mergeMaps(new ArrayList<>(), clean(base), override);
    }

    /** The service definition {@code override} merged onto {@code base}, with the rules of {@code services.*}. */
    public static MapNode mergeService(MapNode base, MapNode override) {
        List<String> path = new ArrayList<>(List.of("services", "*"));
        return mergeMaps(path, (MapNode) cleanNode(path, base), override);
    }

    /**
     * The document {@code node} as if merged onto nothing: without {@code !reset} values and
     * directives, and with unique-key sequences de-duplicated (compose-go's EnforceUnicity).
     */
    public static MapNode clean(MapNode node) {
        return (MapNode) cleanNode(new ArrayList<>(), node);
    }

    private static Node cleanNode(List<String> path, Node node) {
        if (node instanceof MapNode m) {
            return m.mapValues((k, v) -> {
                if (v.directive() == Directive.RESET) {
                    return null;
                }
                path.add(k);
                try {
                    return cleanNode(path, v);
                } finally {
                    path.removeLast();
                }
            }).withDirective(Directive.NONE);
        }
        if (node instanceof SeqNode s) {
            List<Node> items = new ArrayList<>();
            for (Node item : s.items()) {
                if (item.directive() != Directive.RESET) {
                    path.add("[]");
                    items.add(cleanNode(path, item));
                    path.removeLast();
                }
            }
            return s.withItems(deduplicate(path, items)).withDirective(Directive.NONE);
        }
        return node.withDirective(Directive.NONE);
    }

    private static List<Node> deduplicate(List<String> path, List<Node> items) {
        if (path.isEmpty() || path.getLast().equals("[]")) {
            return items;
        }
        return switch (MergeRule.at(path)) {
            case DISTINCT -> distinct(items);
            case UNIQUE_KEY -> unique(path, items);
            default -> items;
        };
    }

    private static MapNode mergeMaps(List<String> path, MapNode base, MapNode over) {
        // One map filled in place: MapNode.with per key would copy the whole map each time,
        // quadratic in the number of services.
        SequencedMap<String, Node> entries = new LinkedHashMap<>(base.entries());
        Map<String, Location> keyLocations = new HashMap<>();
        base.keys().forEach(k -> keyLocations.put(k, base.keyLocation(k)));
        for (String key : over.keys()) {
            Node value = over.get(key);
            if (value.directive() == Directive.RESET) {
                entries.remove(key);
                keyLocations.remove(key);
                continue;
            }
            Node merged;
            path.add(key);
            try {
                merged = value.directive() == Directive.OVERRIDE || !entries.containsKey(key) ? cleanNode(path, value)
                        : mergeValues(path, entries.get(key), value);
            } finally {
                path.removeLast();
            }
            entries.put(key, merged);
            keyLocations.put(key, over.keyLocation(key));
        }
        return new MapNode(entries, keyLocations, base.location(), base.directive());
    }

    private static Node mergeValues(List<String> path, Node base, Node over) {
        MergeRule rule = MergeRule.at(path);
        if (rule == MergeRule.REPLACE) {
            return cleanNode(path, over);
        }
        if (rule == MergeRule.KEY_VALUE && (base instanceof SeqNode || over instanceof SeqNode)) {
            return mergeMaps(path, asMap(base), asMap(over));
        }
        if (base instanceof MapNode b && over instanceof MapNode o) {
            if (rule == MergeRule.LOGGING && !sameDriver(b, o)) {
                return cleanNode(path, o);
            }
            return mergeMaps(path, b, o);
        }
        if (base instanceof SeqNode b && over instanceof SeqNode o) {
            List<Node> all = new ArrayList<>(b.items());
            all.addAll(((SeqNode) cleanNode(path, o)).items());
            return b.withItems(deduplicate(path, all));
        }
        return cleanNode(path, over);
    }

    private static boolean sameDriver(MapNode base, MapNode over) {
        Node b = base.get("driver");
        Node o = over.get("driver");
        return b == null || o == null || Objects.equals(b.toPlain(), o.toPlain());
    }

    private static List<Node> distinct(List<Node> items) {
        Set<Object> seen = new HashSet<>();
        List<Node> out = new ArrayList<>();
        for (Node item : items) {
            if (seen.add(item.toPlain())) {
                out.add(item);
            }
        }
        return out;
    }

    private static List<Node> unique(List<String> path, List<Node> items) {
        Map<String, Integer> index = new LinkedHashMap<>();
        List<Node> out = new ArrayList<>();
        for (Node item : items) {
            String key = UniqueKeys.of(path, item);
            Integer at = key == null ? null : index.get(key);
            if (at != null) {
                out.set(at, item);
            } else {
                if (key != null) {
                    index.put(key, out.size());
                }
                out.add(item);
            }
        }
        return out;
    }

    /** A key-value attribute as a mapping: {@code K=V} items become {@code K: V}, {@code K} alone {@code K: null}. */
    private static MapNode asMap(Node node) {
        if (node instanceof MapNode m) {
            return m;
        }
        MapNode out = MapNode.empty(node.location());
        if (node instanceof SeqNode s) {
            for (Node item : s.items()) {
                String text = item instanceof ScalarNode sc ? sc.asText() : null;
                if (text == null) {
                    continue;
                }
                int eq = text.indexOf('=');
                Location loc = item.location();
                ScalarNode value = ScalarNode.of(eq < 0 ? null : text.substring(eq + 1), loc);
                out = out.with(eq < 0 ? text : text.substring(0, eq), value, loc);
            }
        }
        return out.withDirective(node.directive());
    }
}
