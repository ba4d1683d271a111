package dev.berth.planner.load.canonical;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.berth.planner.load.tree.Location;
import dev.berth.planner.load.tree.MapNode;
import dev.berth.planner.load.tree.Node;
import dev.berth.planner.load.tree.ScalarNode;
import dev.berth.planner.load.tree.SeqNode;

/**
 * Adds Compose's defaults and names to the merged canonical model (compose-go's normalize step;
 * compose-spec {@code 05-services.md}, {@code 06-networks.md}, {@code 07-volumes.md}): the project
 * {@code name}; {@code networks: {default: null}} for services with neither networks nor
 * network_mode, and the {@code default} network when used; {@code <project>_<key>} names of
 * networks, volumes, secrets and configs (the key itself when external); implicit
 * {@code depends_on} for {@code network_mode/ipc/pid/cgroup/uts: service:X}, {@code links} and
 * {@code volumes_from}; build defaults.
 */
public final class Normalizer {

    private static final List<String> NAMESPACE_KEYS = List.of("network_mode", "ipc", "pid", "cgroup", "uts");

    /**
     * The normalized model.
     *
     * @param workingDir the project folder, the build context of a build without one
     */
    public MapNode normalize(MapNode model, String projectName, Path workingDir) {
        Location at = model.location();
        MapNode out = model.with("name", ScalarNode.of(projectName, model.has("name") ? model.get("name").location() : at));
        boolean defaultUsed = false;
        if (model.get("services") instanceof MapNode services) {
            Map<String, Node> normalized = new LinkedHashMap<>();
            for (var e : services.entries().entrySet()) {
                Node svc = e.getValue();
                if (svc instanceof MapNode s) {
                    s = defaultNetwork(s);
                    s = implicitDependencies(s);
                    s = buildDefaults(s, workingDir);
                    if (s.get("networks") instanceof MapNode nets && nets.has("default")) {
                        defaultUsed = true;
                    }
                    svc = s;
                }
                normalized.put(e.getKey(), svc);
            }
            out = out.with("services", services.mapValues((k, v) -> normalized.get(k)));
        }
        MapNode networks = out.get("networks") instanceof MapNode n ? n : MapNode.empty(at);
        if (defaultUsed && !networks.has("default")) {
            networks = networks.with("default", MapNode.empty(at), at);
        }
        if (!networks.keys().isEmpty() || out.has("networks")) {
            out = out.with("networks", named(networks, projectName));
        }
        for (String kind : List.of("volumes", "secrets", "configs")) {
            if (out.get(kind) instanceof MapNode defs) {
                out = out.with(kind, named(defs, projectName));
            }
        }
        return out;
    }

    private static MapNode defaultNetwork(MapNode s) {
        if (s.has("networks") || s.has("network_mode")) {
            return s;
        }
        MapNode nets = MapNode.empty(s.location()).with("default", ScalarNode.of(null, s.location()), s.location());
        return s.with("networks", nets, s.location());
    }

    private static MapNode implicitDependencies(MapNode s) {
        MapNode deps = s.get("depends_on") instanceof MapNode d ? DependsOn.withRestartDefault(d) : null;
        List<Implicit> implicit = new ArrayList<>();
        for (String key : NAMESPACE_KEYS) {
            String v = Nodes.text(s.get(key));
            if (v != null && v.startsWith("service:")) {
                implicit.add(new Implicit(v.substring("service:".length()), true, s.get(key).location()));
            }
        }
        for (Node link : items(s.get("links"))) {
            String v = Nodes.text(link);
            int colon = v.indexOf(':');
            implicit.add(new Implicit(colon < 0 ? v : v.substring(0, colon), true, link.location()));
        }
        for (Node from : items(s.get("volumes_from"))) {
            String v = Nodes.text(from);
            if (v.startsWith("container:")) {
                continue;
            }
            String name = v.startsWith("service:") ? v.substring("service:".length()) : v;
            int colon = name.indexOf(':');
            implicit.add(new Implicit(colon < 0 ? name : name.substring(0, colon), false, from.location()));
        }
        if (implicit.isEmpty()) {
            return deps == null ? s : s.with("depends_on", deps);
        }
        MapNode out = deps != null ? deps : MapNode.empty(s.location());
        for (Implicit i : implicit) {
            if (!out.has(i.service())) {
                out = out.with(i.service(), DependsOn.entry(DependsOn.STARTED, true, i.restart(), i.at()), i.at());
            }
        }
        return s.with("depends_on", out, s.keyLocation("depends_on"));
    }

    private record Implicit(String service, boolean restart, Location at) {
    }

    private static List<Node> items(Node node) {
        return node instanceof SeqNode seq ? seq.items() : List.of();
    }

    private static MapNode buildDefaults(MapNode s, Path workingDir) {
        if (!(s.get("build") instanceof MapNode build)) {
            return s;
        }
        MapNode out = build;
        if (!build.has("context")) {
            out = out.with("context", ScalarNode.of(workingDir.toAbsolutePath().normalize().toString(), build.location()));
        }
        if (!build.has("dockerfile") && !build.has("dockerfile_inline")) {
            out = out.with("dockerfile", ScalarNode.of("Dockerfile", build.location()));
        }
        return s.with("build", out);
    }

    /** Each definition with its engine name: {@code name:} as written, else the key when external, else {@code <project>_<key>}. */
    private static MapNode named(MapNode defs, String projectName) {
        return defs.mapValues((key, def) -> {
            MapNode d = def instanceof MapNode m ? m : MapNode.empty(def.location()).withDirective(def.directive());
            if (d.has("name")) {
                return d;
            }
            boolean external = d.get("external") instanceof ScalarNode ext && Boolean.TRUE.equals(ext.value());
            return d.with("name", ScalarNode.of(external ? key : projectName + "_" + key, defs.keyLocation(key)));
        });
    }
}
