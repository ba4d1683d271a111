package dev.berth.planner.load.validate;

import java.util.List;

/**
 * One way a document breaks the schema, as {@link SchemaEvaluator} finds it.
 *
 * @param path     where in the document: mapping keys (String) and sequence indexes (Integer); for
 *                 {@code additionalProperties}, {@code required} and {@code propertyNames}, the
 *                 mapping that holds the offending key
 * @param keyword  the keyword that failed ({@code type}, {@code enum}, ..., {@code oneOf} when
 *                 several or no branches hold, {@code false} for the false schema)
 * @param rule     the schema object whose keyword failed
 * @param property the offending key for {@code additionalProperties}, {@code required} and
 *                 {@code propertyNames}; null otherwise
 */
record Violation(List<Object> path, String keyword, Subschema rule, String property) {

    /** oneOf: no branch, or more than one, holds; the branches' own violations say more. */
    static final String ONE_OF = "oneOf";

    boolean isType() {
        return "type".equals(keyword);
    }

    /** The path as a JSON pointer ({@code /services/web/ports/0}; {@code ~} and {@code /} in keys escaped). */
    String pointer() {
        StringBuilder out = new StringBuilder();
        for (Object segment : path) {
            out.append('/').append(segment.toString().replace("~", "~0").replace("/", "~1"));
        }
        return out.toString();
    }
}
