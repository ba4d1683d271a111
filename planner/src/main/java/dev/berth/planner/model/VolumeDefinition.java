package dev.berth.planner.model;

import java.util.Map;

import dev.berth.planner.tree.MapNode;

/**
 * A top-level named volume (compose-spec {@code 07-volumes.md}).
 *
 * @param name the engine's name ({@code <project>_<key>} unless given, the key itself when external)
 */
public record VolumeDefinition(String key, String name, String driver, Map<String, String> driverOpts, boolean external,
                               Map<String, String> labels) {

    static VolumeDefinition from(String key, MapNode m) {
        return new VolumeDefinition(key, Fields.string(m, "name"), Fields.string(m, "driver"), Fields.stringMap(m, "driver_opts"),
                Fields.flag(m, "external"), Fields.stringMap(m, "labels"));
    }
}
