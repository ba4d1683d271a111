package dev.berth.planner.load.canonical;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.berth.planner.StackException;
import dev.berth.planner.graph.CyclePath;
import dev.berth.planner.tree.Location;
import dev.berth.planner.tree.MapNode;
import dev.berth.planner.tree.Node;
import dev.berth.planner.tree.ScalarNode;
import dev.berth.planner.tree.SeqNode;

/**
 * Refuses a normalized model whose parts do not fit together, with Docker Compose's wording
 * (compose-go's consistency check) prefixed by the location of the offending value: undefined
 * services, networks, volumes, secrets and configs; exclusive keys; scale conflicts; resource
 * limits given twice with different values; reserved labels; dependency cycles.
 */
public final class ConsistencyChecker {

    /** The end of Compose's message for a project whose parts do not fit together. */
    static final String INVALID = ": invalid compose project";

    public void check(MapNode model) {
        MapNode services = map(model.get("services"));
        MapNode networks = map(model.get("networks"));
        MapNode volumes = map(model.get("volumes"));
        MapNode secrets = map(model.get("secrets"));
        MapNode configs = map(model.get("configs"));
        for (var e : services.entries().entrySet()) {
            if (e.getValue() instanceof MapNode s) {
                new ServiceCheck(e.getKey(), s, services, networks, volumes, secrets, configs).run();
            }
        }
        for (String kind : List.of("networks", "volumes", "secrets", "configs")) {
            externalConflicts(kind, map(model.get(kind)));
        }
        for (var e : secrets.entries().entrySet()) {
            if (e.getValue() instanceof MapNode d && !isTrue(d.get("external")) && !d.has("file") && !d.has("environment")) {
                throw new StackException(secrets.keyLocation(e.getKey()) + ": secret \"" + e.getKey()
                        + "\" must declare either `file` or `environment`" + INVALID);
            }
        }
        checkCycles(services);
    }

    /**
     * Refuses a {@code depends_on} cycle as Compose does ({@code dependency cycle detected: a -> b -> a}),
     * searching in the order services and dependencies were written, located at the dependency
     * that closes it.
     */
    private static void checkCycles(MapNode services) {
        Map<String, Set<String>> dependencies = new LinkedHashMap<>();
        for (String name : services.keys()) {
            dependencies.put(name, map(map(services.get(name)).get("depends_on")).keys());
        }
        CyclePath.find(dependencies).ifPresent(cycle -> {
            String closer = cycle.get(cycle.size() - 2);
            MapNode deps = map(map(services.get(closer)).get("depends_on"));
            fail(deps.keyLocation(cycle.getLast()), "dependency cycle detected: " + String.join(" -> ", cycle));
        });
    }

    private static void externalConflicts(String kind, MapNode defs) {
        for (var e : defs.entries().entrySet()) {
            if (e.getValue() instanceof MapNode d && isTrue(d.get("external"))) {
                for (String key : List.of("driver", "driver_opts", "labels")) {
                    if (d.has(key)) {
                        throw new StackException(d.keyLocation(key) + ": " + kind + "." + e.getKey()
                                + ": conflicting parameters \"external\" and \"" + key + "\" specified");
                    }
                }
            }
        }
    }

    static MapNode map(Node node) {
        return node instanceof MapNode m ? m : MapNode.empty(Location.NONE);
    }

    static boolean isTrue(Node node) {
        return node instanceof ScalarNode s && Boolean.TRUE.equals(s.value());
    }

    private record ServiceCheck(String name, MapNode s, MapNode services, MapNode networks, MapNode volumes,
                                MapNode secrets, MapNode configs) {

        void run() {
            imageOrBuild();
            if (s.has("network_mode") && s.get("networks") instanceof MapNode nets && nets.size() > 0) {
                fail(s.keyLocation("network_mode"), "service " + name + " declares mutually exclusive `network_mode` and `networks`" + INVALID);
            }
            for (String net : map(s.get("networks")).keys()) {
                if (!networks.has(net)) {
                    fail(map(s.get("networks")).keyLocation(net), "service \"" + name + "\" refers to undefined network " + net + INVALID);
                }
            }
            healthcheck();
            MapNode deps = map(s.get("depends_on"));
            for (String dep : deps.keys()) {
                if (!services.has(dep)) {
                    fail(deps.keyLocation(dep), "service \"" + name + "\" depends on undefined service \"" + dep + "\"" + INVALID);
                }
            }
            String mode = Nodes.text(s.get("network_mode"));
            if (mode != null && mode.startsWith("service:") && !services.has(mode.substring(8))) {
                fail(s.get("network_mode").location(), "service \"" + mode.substring(8) + "\" not found for network_mode '" + mode + "'");
            }
            volumeReferences();
            references("secrets", "secret", secrets, s.get("secrets"));
            references("configs", "config", configs, s.get("configs"));
            if (s.get("build") instanceof MapNode b) {
                references("secrets", "build secret", secrets, b.get("secrets"));
            }
            new LimitCheck(name, s).run();
            watchTargets();
            labels();
        }

        private void imageOrBuild() {
            // A provider service is run by its provider, not from an image (compose-go loader/validate.go).
            if (!s.has("image") && !s.has("build") && !s.has("provider")) {
                fail(services.keyLocation(name), "service \"" + name + "\" has neither an image nor a build context specified" + INVALID);
            }
            if (s.get("build") instanceof MapNode b && b.has("dockerfile") && b.has("dockerfile_inline")) {
                fail(b.keyLocation("dockerfile_inline"), "service \"" + name
                        + "\" declares mutualy exclusive dockerfile and dockerfile_inline" + INVALID);
            }
            String platform = Nodes.text(s.get("platform"));
            if (platform != null && s.get("build") instanceof MapNode b && b.get("platforms") instanceof SeqNode platforms
                    && platforms.size() > 0 && platforms.items().stream().noneMatch(p -> platform.equals(Nodes.text(p)))) {
                fail(platforms.location(), "service.build.platforms MUST include service.platform \"" + platform + "\"" + INVALID);
            }
        }

        private void watchTargets() {
            if (s.get("develop") instanceof MapNode d && d.get("watch") instanceof SeqNode watch) {
                for (Node rule : watch.items()) {
                    if (rule instanceof MapNode r && !"rebuild".equals(Nodes.text(r.get("action"))) && !r.has("target")) {
                        fail(r.location(), "services." + name + ".develop.watch: target is required for non-rebuild actions" + INVALID);
                    }
                }
            }
        }

        private void healthcheck() {
            if (s.get("healthcheck") instanceof MapNode hc && hc.get("test") instanceof SeqNode test && test.size() > 0) {
                String first = Nodes.text(test.get(0));
                if (!List.of("CMD", "CMD-SHELL", "NONE").contains(first)) {
                    fail(test.get(0).location(), "healthcheck.test must start either by \"CMD\", \"CMD-SHELL\" or \"NONE\"");
                }
            }
        }

        private void volumeReferences() {
            if (!(s.get("volumes") instanceof SeqNode mounts)) {
                return;
            }
            for (Node m : mounts.items()) {
                if (m instanceof MapNode mount && "volume".equals(Nodes.text(mount.get("type")))
                        && mount.get("source") instanceof ScalarNode src && src.value() != null
                        && !src.asText().isEmpty() && !volumes.has(src.asText())) {
                    fail(src.location(), "service \"" + name + "\" refers to undefined volume " + src.asText() + INVALID);
                }
            }
        }

        private void references(String key, String what, MapNode defined, Node refs) {
            if (!(refs instanceof SeqNode seq)) {
                return;
            }
            for (Node ref : seq.items()) {
                Node source = ref instanceof MapNode m ? m.get("source") : ref;
                String src = Nodes.text(source);
                if (src != null && !defined.has(src)) {
                    fail(source.location(), "service \"" + name + "\" refers to undefined " + what + " " + src + INVALID);
                }
            }
        }

        private void labels() {
            MapNode labels = map(s.get("labels"));
            for (String label : labels.keys()) {
                if (label.startsWith("com.docker.compose.")) {
                    fail(labels.keyLocation(label), "services." + name + ".labels: label " + label
                            + " is reserved (com.docker.compose.* labels are set by berth and Docker Compose); use another prefix");
                }
            }
        }
    }

    static void fail(Location at, String message) {
        throw new StackException(at.known() || !at.file().isEmpty() ? at + ": " + message : message);
    }

}
