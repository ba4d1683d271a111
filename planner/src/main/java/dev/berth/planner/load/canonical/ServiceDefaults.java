package dev.berth.planner.load.canonical;

import java.util.ArrayList;
import java.util.List;

import dev.berth.planner.tree.Location;
import dev.berth.planner.tree.MapNode;
import dev.berth.planner.tree.Node;
import dev.berth.planner.tree.ScalarNode;
import dev.berth.planner.tree.SeqNode;

/**
 * The defaults Compose gives one merged service (compose-go's {@code SetDefaultValues} and
 * {@code Normalize}): the {@code default} network, implicit dependencies, build context and
 * Containerfile, secret targets, bind-mount host path creation, clean mount targets,
 * {@code pull_policy: if_not_present} spelt {@code missing}, the image of {@code pre_start} hooks,
 * every device for a device request without {@code count} or {@code device_ids}.
 */
final class ServiceDefaults {

    private static final List<String> NAMESPACE_KEYS = List.of("network_mode", "ipc", "pid", "uts", "cgroup");

    private final String defaultContext;

    /** @param defaultContext the build context of a build without one */
    ServiceDefaults(String defaultContext) {
        this.defaultContext = defaultContext;
    }

    MapNode apply(MapNode s) {
        MapNode out = defaultNetwork(s);
        out = implicitDependencies(out);
        out = build(out);
        out = mounts(out);
        out = secretTargets(out);
        out = preStartImage(out);
        out = deviceCounts(out);
        if ("if_not_present".equals(Nodes.text(out.get("pull_policy")))) {
            out = out.with("pull_policy", ((ScalarNode) out.get("pull_policy")).withValue("missing"));
        }
        return out;
    }

    /** True when the service is attached to the {@code default} network after {@link #apply}. */
    static boolean usesDefaultNetwork(MapNode s) {
        return s.get("networks") instanceof MapNode nets && nets.has("default");
    }

    private static MapNode defaultNetwork(MapNode s) {
        if (s.has("network_mode") || s.has("provider")) {
            return s;
        }
        if (s.get("networks") instanceof MapNode nets && nets.size() > 0) {
            return s;
        }
        Location at = s.has("networks") ? s.get("networks").location() : s.location();
        MapNode nets = MapNode.empty(at).with("default", ScalarNode.of(null, at), at);
        return s.with("networks", nets, s.keyLocation("networks"));
    }

    private static MapNode implicitDependencies(MapNode s) {
        MapNode deps = s.get("depends_on") instanceof MapNode d ? DependsOn.withoutRestartFalse(d) : MapNode.empty(s.location());
        int before = deps.size();
        for (Node link : items(s.get("links"))) {
            String v = Nodes.text(link);
            deps = implicit(deps, v.contains(":") ? v.substring(0, v.indexOf(':')) : v, true, link.location());
        }
        for (String key : NAMESPACE_KEYS) {
            String v = Nodes.text(s.get(key));
            if (v != null && v.startsWith("service:")) {
                deps = implicit(deps, v.substring("service:".length()), true, s.get(key).location());
            }
        }
        for (Node from : items(s.get("volumes_from"))) {
            String v = Nodes.text(from);
            if (!v.startsWith("container:")) {
                deps = implicit(deps, v.split(":")[0], false, from.location());
            }
        }
        if (!s.has("depends_on") && deps.size() == before) {
            return s;
        }
        return s.with("depends_on", deps, s.keyLocation("depends_on"));
    }

    /** An explicit entry is never overridden by an implicit one. */
    private static MapNode implicit(MapNode deps, String service, boolean restart, Location at) {
        return deps.has(service) ? deps : deps.with(service, DependsOn.entry(DependsOn.STARTED, true, restart, at), at);
    }

    private static List<Node> items(Node node) {
        return node instanceof SeqNode seq ? seq.items() : List.of();
    }

    private MapNode build(MapNode s) {
        if (!(s.get("build") instanceof MapNode build)) {
            return s;
        }
        MapNode out = build;
        if (!build.has("context")) {
            out = out.with("context", ScalarNode.of(defaultContext, build.location()));
        }
        if (!build.has("dockerfile") && !build.has("dockerfile_inline")) {
            out = out.with("dockerfile", ScalarNode.of("Dockerfile", build.location()));
        }
        return s.with("build", out);
    }

    private static MapNode mounts(MapNode s) {
        if (!(s.get("volumes") instanceof SeqNode seq)) {
            return s;
        }
        List<Node> items = new ArrayList<>();
        for (Node item : seq.items()) {
            if (item instanceof MapNode m) {
                if (m.get("target") instanceof ScalarNode t && t.isString()) {
                    m = m.with("target", t.withValue(cleanPath((String) t.value())));
                }
                if (m.get("bind") instanceof MapNode bind && !bind.has("create_host_path")) {
                    m = m.with("bind", bind.with("create_host_path", ScalarNode.of(true, bind.location())));
                }
                item = m;
            }
            items.add(item);
        }
        return s.with("volumes", seq.withItems(items));
    }

    /** Go's {@code path.Clean}: no doubled or trailing slashes, no {@code .}, {@code ..} folded. */
    static String cleanPath(String p) {
        if (p.isEmpty()) {
            return p;
        }
        boolean absolute = p.startsWith("/");
        List<String> parts = new ArrayList<>();
        for (String part : p.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..") && !parts.isEmpty() && !parts.getLast().equals("..")) {
                parts.removeLast();
            } else if (!(part.equals("..") && absolute)) {
                parts.add(part);
            }
        }
        String joined = String.join("/", parts);
        return absolute ? "/" + joined : joined.isEmpty() ? "." : joined;
    }

    private static MapNode secretTargets(MapNode s) {
        if (!(s.get("secrets") instanceof SeqNode seq)) {
            return s;
        }
        List<Node> items = new ArrayList<>();
        for (Node item : seq.items()) {
            if (item instanceof MapNode m && !m.has("target") && m.get("source") != null) {
                item = m.with("target", ScalarNode.of("/run/secrets/" + Nodes.text(m.get("source")), m.location()));
            }
            items.add(item);
        }
        return s.with("secrets", seq.withItems(items));
    }

    /** {@code gpus} and {@code deploy.resources.reservations.devices} entries (compose-go {@code transform/defaults.go}). */
    private static MapNode deviceCounts(MapNode s) {
        MapNode out = s;
        if (s.get("gpus") instanceof SeqNode gpus) {
            out = out.with("gpus", gpus.withItems(gpus.items().stream().map(DeviceRequests::withDefaultCount).toList()));
        }
        if (s.get("deploy") instanceof MapNode deploy && deploy.get("resources") instanceof MapNode resources
                && resources.get("reservations") instanceof MapNode reservations
                && reservations.get("devices") instanceof SeqNode devices) {
            SeqNode counted = devices.withItems(devices.items().stream().map(DeviceRequests::withDefaultCount).toList());
            out = out.with("deploy", deploy.with("resources", resources.with("reservations",
                    reservations.with("devices", counted))));
        }
        return out;
    }

    private static MapNode preStartImage(MapNode s) {
        if (!(s.get("pre_start") instanceof SeqNode hooks) || !(s.get("image") instanceof ScalarNode image) || image.value() == null) {
            return s;
        }
        List<Node> items = new ArrayList<>();
        for (Node hook : hooks.items()) {
            items.add(hook instanceof MapNode h && !h.has("image") ? h.with("image", image) : hook);
        }
        return s.with("pre_start", hooks.withItems(items));
    }
}
