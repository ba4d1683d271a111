package dev.berth.planner.load.interpolate;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SequencedSet;

import dev.berth.planner.StackException;
import dev.berth.planner.tree.MapNode;
import dev.berth.planner.tree.Node;
import dev.berth.planner.tree.ScalarNode;
import dev.berth.planner.tree.SeqNode;

/**
 * Interpolates every string value (never a key) of one document (compose-spec
 * 12-interpolation.md), then casts the known numeric and boolean fields to their types (compose-go
 * {@code loader/interpolate.go}). Errors name the value's file, line and column and its path.
 * Warnings (unset variables, YAML 1.1 booleans) are collected, each once, in the order seen.
 */
public final class Interpolator {

    private final Map<String, String> environment;
    private final SequencedSet<String> warnings = new LinkedHashSet<>();

    public Interpolator(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /** The document with its string values substituted and typed; throws a located {@link StackException}. */
    public MapNode interpolate(MapNode document) {
        return (MapNode) walk(document, new ArrayList<>(), new ArrayList<>());
    }

    /** Warnings collected so far by this interpolator, each once. */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    private Node walk(Node node, List<String> path, List<String> display) {
        if (node instanceof MapNode m) {
            return m.mapValues((key, value) -> {
                path.add(key);
                display.add(display.isEmpty() ? key : "." + key);
                try {
                    return walk(value, path, display);
                } finally {
                    path.removeLast();
                    display.removeLast();
                }
            });
        }
        if (node instanceof SeqNode s) {
            List<Node> items = new ArrayList<>(s.size());
            for (int i = 0; i < s.size(); i++) {
                path.add("[]");
                display.add("[" + i + "]");
                try {
                    items.add(walk(s.get(i), path, display));
                } finally {
                    path.removeLast();
                    display.removeLast();
                }
            }
            return s.withItems(items);
        }
        ScalarNode sc = (ScalarNode) node;
        return sc.value() instanceof String text ? scalar(sc, text, path, display) : sc;
    }

    /** {@code display}, the path as errors show it, is joined only for an error or a cast. */
    private ScalarNode scalar(ScalarNode node, String text, List<String> path, List<String> display) {
        String value = text.indexOf('$') < 0 ? text : substitute(node, text, display);
        ScalarNode substituted = value.equals(text) ? node : node.withValue(value);
        TypedCasts.Kind kind = TypedCasts.castFor(path);
        return kind == null ? substituted : TypedCasts.cast(substituted, kind, String.join("", display), warnings::add);
    }

    private String substitute(ScalarNode node, String text, List<String> display) {
        try {
            return new Template(environment, name -> warnings.add("The \"" + name
                    + "\" variable is not set. Defaulting to a blank string.")).substitute(text);
        } catch (TemplateException e) {
            if (e.invalidFormat()) {
                throw new StackException(node.location() + ": invalid interpolation format for "
                        + String.join("", display) + ": \"" + e.getMessage()
                        + "\"; you may need to escape any $ with another $");
            }
            throw new StackException(node.location() + ": " + e.getMessage());
        }
    }
}
