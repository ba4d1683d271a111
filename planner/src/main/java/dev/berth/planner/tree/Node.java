package dev.berth.planner.tree;

/**
 * One value of a stack file, immutable, carrying the place where it was written so that every
 * error can name it, also after interpolation, merge, extends and include have moved it around.
 */
public sealed interface Node permits MapNode, SeqNode, ScalarNode {

    Location location();

    Directive directive();

    /** The same value with another directive. */
    Node withDirective(Directive directive);

    /** A plain Java value: {@code Map<String,Object>} (insertion order), {@code List<Object>}, String, Long, Double, Boolean or null. */
    Object toPlain();

    /** A short name of the kind of value for error messages: mapping, sequence, string, number, boolean, null. */
    String kind();
}
