package dev.berth.planner.load.merge;

import java.util.List;

import dev.berth.planner.tree.MapNode;
import dev.berth.planner.tree.Node;
import dev.berth.planner.tree.ScalarNode;

/**
 * The identity of an item in a unique-key sequence (compose-go {@code override/uncity.go}): two
 * items with the same key are the same entry, and the later one replaces the earlier.
 */
final class UniqueKeys {

    private UniqueKeys() {
    }

    /** The key of {@code item} in the sequence at {@code path}, or null when it has none. */
    static String of(List<String> path, Node item) {
        String field = path.getLast();
        if (item instanceof ScalarNode s) {
            String text = s.asText();
            if (field.equals("devices") && text != null) {
                String[] parts = text.split(":");
                return parts.length > 1 ? parts[1] : parts[0];
            }
            return text;
        }
        if (!(item instanceof MapNode m)) {
            return null;
        }
        return switch (field) {
            case "ports" -> text(m, "host_ip") + ":" + text(m, "published") + ":" + text(m, "target") + "/"
                    + (m.has("protocol") ? text(m, "protocol") : "tcp");
            case "volumes", "devices" -> m.has("target") ? text(m, "target") : text(m, "source");
            case "secrets" -> m.has("target") ? text(m, "target") : "/run/secrets/" + text(m, "source");
            case "configs" -> m.has("target") ? text(m, "target") : "/" + text(m, "source");
            case "env_file" -> text(m, "path");
            case "config" -> text(m, "subnet");
            default -> null;
        };
    }

    private static String text(MapNode m, String key) {
        return m.get(key) instanceof ScalarNode s && s.value() != null ? s.asText() : "";
    }
}
