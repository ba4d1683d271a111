package dev.berth.planner.load.canonical;

import dev.berth.planner.tree.MapNode;
import dev.berth.planner.tree.Node;
import dev.berth.planner.units.Durations;

/**
 * {@code deploy} with sizes in bytes, CPU counts as numbers, durations in canonical text, labels as
 * a mapping and device requests as {@link DeviceRequests} (compose-spec {@code deploy.md}).
 */
final class DeployCanonicalizer {

    private DeployCanonicalizer() {
    }

    static Node canonical(Node value, String path) {
        if (!(value instanceof MapNode deploy)) {
            return value;
        }
        return deploy.mapValues((k, v) -> Nodes.keep(v, switch (k) {
            case "labels" -> Dicts.strings(v);
            case "resources" -> resources(v, path + ".resources");
            case "restart_policy" -> durations(v, path + "." + k, "delay", "window");
            case "update_config", "rollback_config" -> durations(v, path + "." + k, "delay", "monitor");
            default -> v;
        }));
    }

    private static Node resources(Node value, String path) {
        if (!(value instanceof MapNode r)) {
            return value;
        }
        return r.mapValues((k, v) -> v instanceof MapNode part
                ? part.mapValues((rk, rv) -> Nodes.keep(rv, switch (rk) {
                    case "memory" -> ByteSizes.canonical(rv, path + "." + k + ".memory");
                    case "cpus" -> Numbers.decimal(rv, path + "." + k + ".cpus");
                    case "pids" -> Numbers.integer(rv, path + "." + k + ".pids");
                    case "devices" -> ServiceCanonicalizer.each(rv, path + "." + k + ".devices", DeviceRequests::canonical);
                    default -> rv;
                }))
                : v);
    }

    private static Node durations(Node value, String path, String... keys) {
        if (!(value instanceof MapNode m)) {
            return value;
        }
        MapNode out = m;
        for (String k : keys) {
            if (m.has(k)) {
                out = out.with(k, Durations.canonical(m.get(k), path + "." + k));
            }
        }
        return out;
    }
}
