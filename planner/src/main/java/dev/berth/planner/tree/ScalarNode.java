package dev.berth.planner.tree;

/**
 * A scalar: a String, Long, Double, Boolean or null {@link #value()}. Strings are what
 * interpolation works on; the others come from YAML 1.2's core schema or from typed casts.
 */
public record ScalarNode(Object value, Location location, Directive directive) implements Node {

    public ScalarNode {
        if (value != null && !(value instanceof String || value instanceof Long
                || value instanceof Double || value instanceof Boolean)) {
            throw new IllegalArgumentException("unsupported scalar type " + value.getClass());
        }
        directive = Directive.orNone(directive);
    }

    public static ScalarNode of(Object value, Location location) {
        return new ScalarNode(value, location, Directive.NONE);
    }

    public ScalarNode withValue(Object newValue) {
        return new ScalarNode(newValue, location, directive);
    }

    @Override
    public ScalarNode withDirective(Directive d) {
        return Directive.orNone(d) == directive ? this : new ScalarNode(value, location, d);
    }

    public boolean isNull() {
        return value == null;
    }

    public boolean isString() {
        return value instanceof String;
    }

    /** The value as text, as YAML would print a plain scalar ({@code null} stays null). */
    public String asText() {
        if (value == null) {
            return null;
        }
        if (value instanceof Double d && d == Math.rint(d) && !d.isInfinite()) {
            return String.valueOf(d);
        }
        return String.valueOf(value);
    }

    @Override
    public Object toPlain() {
        return value;
    }

    @Override
    public String kind() {
        return switch (value) {
            case null -> "null";
            case String s -> "string";
            case Boolean b -> "boolean";
            default -> "number";
        };
    }
}
