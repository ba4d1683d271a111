package dev.berth.planner.load.canonical;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SequencedMap;

import dev.berth.planner.tree.Location;
import dev.berth.planner.tree.MapNode;
import dev.berth.planner.tree.Node;
import dev.berth.planner.tree.ScalarNode;
import dev.berth.planner.tree.SeqNode;

/**
 * {@code depends_on} as a mapping of service to {@code {condition, required, restart}}
 * (compose-spec {@code 05-services.md#depends_on}): the short list means
 * {@code service_started}, required, no restart. Only {@code condition} and {@code required} are
 * filled in; {@code restart} appears only when true, as compose-go prints it
 * ({@code restart,omitempty} in {@code types.ServiceDependency}), so an override file listing a
 * dependency again does not switch off the base file's {@code restart: true}.
 */
public final class DependsOn {

    public static final String STARTED = "service_started";

    private DependsOn() {
    }

    static Node canonical(Node value) {
        if (value instanceof SeqNode seq) {
            SequencedMap<String, Node> e = new LinkedHashMap<>();
            Map<String, Location> keys = new LinkedHashMap<>();
            for (Node item : seq.items()) {
                String name = Nodes.text(item);
                e.put(name, entry(STARTED, true, false, item.location()));
                keys.put(name, item.location());
            }
            return new MapNode(e, keys, seq.location(), null);
        }
        return value instanceof MapNode map
                ? map.mapValues((name, v) -> v instanceof MapNode m ? withDefaults(m) : v) : value;
    }

    private static MapNode withDefaults(MapNode m) {
        MapNode out = m;
        if (!m.has("condition")) {
            out = out.with("condition", Nodes.str(STARTED, m.location()));
        }
        if (!m.has("required")) {
            out = out.with("required", Nodes.bool(true, m.location()));
        }
        return out;
    }

    /** The merged {@code depends_on} mapping without {@code restart: false}, which compose-go omits when printing. */
    static MapNode withoutRestartFalse(MapNode deps) {
        return deps.mapValues((name, v) -> v instanceof MapNode m && m.get("restart") instanceof ScalarNode r
                && Boolean.FALSE.equals(r.value()) ? m.without("restart") : v);
    }

    /** One dependency in canonical form, located at {@code at}; {@code restart} only when true. */
    public static MapNode entry(String condition, boolean required, boolean restart, Location at) {
        SequencedMap<String, Node> e = Nodes.entries();
        e.put("condition", Nodes.str(condition, at));
        e.put("required", Nodes.bool(required, at));
        if (restart) {
            e.put("restart", Nodes.bool(true, at));
        }
        return Nodes.map(at, e);
    }
}
