package dev.berth.planner.load.canonical;

import dev.berth.planner.StackException;
import dev.berth.planner.tree.Node;
import dev.berth.planner.tree.ScalarNode;

/** Numeric attributes Compose prints as numbers even when written as strings ({@code cpus: "0.5"}). */
final class Numbers {

    private Numbers() {
    }

    static Node decimal(Node node, String path) {
        if (!(node instanceof ScalarNode s) || s.value() == null) {
            return node;
        }
        return switch (s.value()) {
            case Long l -> s.withValue(l.doubleValue());
            case String text -> {
                try {
                    yield s.withValue(Double.parseDouble(text.trim()));
                } catch (NumberFormatException e) {
                    throw new StackException(s.location() + ": " + path + ": \"" + text + "\" is not a number");
                }
            }
            default -> s;
        };
    }

    static Node integer(Node node, String path) {
        if (node instanceof ScalarNode s && s.value() instanceof String text) {
            try {
                return s.withValue(Long.parseLong(text.trim()));
            } catch (NumberFormatException e) {
                throw new StackException(s.location() + ": " + path + ": \"" + text + "\" is not a whole number");
            }
        }
        return node;
    }
}
