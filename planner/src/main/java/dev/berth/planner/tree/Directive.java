package dev.berth.planner.tree;

/**
 * The merge directive a YAML tag puts on a value (compose-spec 13-merge.md): {@code !reset}
 * removes the value being overridden, {@code !override} replaces it without merging.
 */
public enum Directive {
    NONE,
    RESET,
    OVERRIDE;

    /** {@code d}, or {@link #NONE} for null: a node built or re-tagged with null has no directive. */
    public static Directive orNone(Directive d) {
        return d == null ? NONE : d;
    }
}
