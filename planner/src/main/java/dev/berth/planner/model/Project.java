package dev.berth.planner.model;

import java.nio.file.Path;
import java.util.Map;

import dev.berth.planner.tree.MapNode;

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
        return new Project(Fields.string(model, "name"), workingDir, Fields.entries(model, "services", Service::from),
                Fields.entries(model, "networks", NetworkDefinition::from), Fields.entries(model, "volumes", VolumeDefinition::from),
                Fields.entries(model, "secrets", FileDefinition::from), Fields.entries(model, "configs", FileDefinition::from), model);
    }

    /** The project from a canonical model, with the current folder as its folder. */
    public static Project from(MapNode model) {
        return from(model, Path.of("").toAbsolutePath());
    }

    public Service service(String name) {
        return services.get(name);
    }
}
