package dev.berth.planner.load.canonical;

import java.nio.file.Path;
import java.util.List;

import dev.berth.planner.tree.Location;
import dev.berth.planner.tree.MapNode;
import dev.berth.planner.tree.ScalarNode;

/**
 * Adds Compose's defaults and names to the merged canonical model (compose-go's normalize step;
 * compose-spec {@code 05-services.md}, {@code 06-networks.md}, {@code 07-volumes.md}): the project
 * {@code name}; each service's defaults ({@link ServiceDefaults}: the {@code default} network,
 * implicit {@code depends_on} for {@code network_mode/ipc/pid/cgroup/uts: service:X}, {@code links}
 * and {@code volumes_from}, build defaults, ...); the {@code default} network when a service uses
 * it; {@code <project>_<key>} names of networks, volumes, secrets and configs (the key itself when
 * external).
 */
public final class Normalizer {

    /**
     * The normalized model.
     *
     * @param workingDir the project folder, the build context of a build without one
     */
    public MapNode normalize(MapNode model, String projectName, Path workingDir) {
        return normalize(model, projectName, workingDir.toAbsolutePath().normalize().toString());
    }

    /**
     * The normalized model.
     *
     * @param defaultContext the build context of a build without one, as it is printed
     */
    public MapNode normalize(MapNode model, String projectName, String defaultContext) {
        Location at = model.location();
        MapNode out = model.with("name", ScalarNode.of(projectName, model.has("name") ? model.get("name").location() : at));
        boolean defaultUsed = false;
        ServiceDefaults defaults = new ServiceDefaults(defaultContext);
        if (model.get("services") instanceof MapNode services) {
            MapNode normalized = services.mapValues((k, v) -> v instanceof MapNode s ? defaults.apply(s) : v);
            defaultUsed = normalized.entries().values().stream()
                    .anyMatch(v -> v instanceof MapNode s && ServiceDefaults.usesDefaultNetwork(s));
            out = out.with("services", normalized);
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
