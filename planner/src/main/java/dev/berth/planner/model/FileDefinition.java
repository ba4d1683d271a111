package dev.berth.planner.model;

import java.util.Map;

import dev.berth.planner.tree.MapNode;

/**
 * A top-level secret or config (compose-spec {@code 09-secrets.md}, {@code 08-configs.md}): its
 * content comes from a host {@code file} (absolute), an {@code environment} variable or inline
 * {@code content} (configs only).
 */
public record FileDefinition(String key, String name, String file, String environment, String content, boolean external,
                             Map<String, String> labels) {

    static FileDefinition from(String key, MapNode m) {
        return new FileDefinition(key, Fields.string(m, "name"), Fields.string(m, "file"), Fields.string(m, "environment"),
                Fields.string(m, "content"), Fields.flag(m, "external"), Fields.stringMap(m, "labels"));
    }
}
