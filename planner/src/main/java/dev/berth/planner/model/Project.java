package dev.berth.planner.model;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;

import dev.berth.planner.load.tree.MapNode;

/**
 * A loaded stack: the canonical, normalized and checked model as immutable records, with the
 * canonical tree kept for printing ({@code berth config}) and hashing. Maps keep the order the
 * stack file wrote.
 */
public record Project(String name, Path workingDir, Map<String, Service> services, Map<String, NetworkDefinition> networks,
                      Map<String, VolumeDefinition> volumes, Map<String, FileDefinition> secrets,
                      Map<String, FileDefinition> configs, MapNode model) {

    /** The project from a canonical model, its folder being {@code workingDir}. */
    public static Project from(MapNode model, Path workingDir) {
        Map<String, Service> services = new LinkedHashMap<>();
        MapNode s = Fields.map(model, "services");
        if (s != null) {
            s.entries().forEach((name, def) -> services.put(name,
                    Service.from(name, def instanceof MapNode m ? m : MapNode.empty(def.location()))));
        }
        return new Project(Fields.string(model, "name"), workingDir, Collections.unmodifiableMap(services),
                definitions(model, "networks", NetworkDefinition::from), definitions(model, "volumes", VolumeDefinition::from),
                definitions(model, "secrets", FileDefinition::from), definitions(model, "configs", FileDefinition::from), model);
    }

    /** The project from a canonical model, with the current folder as its folder. */
    public static Project from(MapNode model) {
        return from(model, Path.of("").toAbsolutePath());
    }

    public Service service(String name) {
        return services.get(name);
    }

    private static <T> Map<String, T> definitions(MapNode model, String key, BiFunction<String, MapNode, T> from) {
        MapNode defs = Fields.map(model, key);
        Map<String, T> out = new LinkedHashMap<>();
        if (defs != null) {
            defs.entries().forEach((k, v) -> out.put(k, from.apply(k, v instanceof MapNode m ? m : MapNode.empty(v.location()))));
        }
        return Collections.unmodifiableMap(out);
    }
}
