package dev.berth.planner.load.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.berth.planner.tree.MapNode;
import dev.berth.planner.tree.Node;
import dev.berth.planner.tree.ScalarNode;
import dev.berth.planner.tree.SeqNode;

/**
 * Checks a document against compiled {@link Subschema}s as JSON Schema 2020-12 defines the keywords,
 * and lists every {@link Violation}. Like a full validator it goes on after a failed keyword, and
 * for a {@code oneOf} that no branch meets it keeps every branch's violations, so that the one a
 * person needs can be picked afterwards. One evaluator serves one evaluation: it keeps the path
 * it walks.
 */
final class SchemaEvaluator {

    private final Map<String, Subschema> definitions;
    private final List<Object> path = new ArrayList<>();

    SchemaEvaluator(Map<String, Subschema> definitions) {
        this.definitions = definitions;
    }

    /** The violations of {@code node} against {@code schema}, none when it is valid. */
    List<Violation> evaluate(Node node, Subschema schema) {
        List<Violation> out = new ArrayList<>();
        check(node, schema, out);
        return out;
    }

    private void check(Node node, Subschema schema, List<Violation> out) {
        if (schema.allowsNothing()) {
            out.add(violation("false", schema, null));
            return;
        }
        if (schema.ref() != null) {
            check(node, definitions.get(schema.ref()), out);
        }
        if (schema.types() != null && !hasAnyType(node, schema.types())) {
            out.add(violation("type", schema, null));
        }
        if (schema.enumValues() != null && !JsonValues.contains(schema.enumValues(), node.toPlain())) {
            out.add(violation("enum", schema, null));
        }
        // instanceof rather than a pattern switch: see the package-info of dev.berth.planner.load
        if (node instanceof MapNode map) {
            checkMapping(map, schema, out);
        } else if (node instanceof SeqNode seq) {
            checkSequence(seq, schema, out);
        } else {
            checkScalar((ScalarNode) node, schema, out);
        }
        if (!schema.oneOf().isEmpty()) {
            checkOneOf(node, schema, out);
        }
    }

    private void checkMapping(MapNode map, Subschema schema, List<Violation> out) {
        for (String key : schema.required()) {
            if (!map.has(key)) {
                out.add(violation("required", schema, key));
            }
        }
        for (String key : map.keys()) {
            if (schema.propertyNames() != null
                    && !evaluate(ScalarNode.of(key, map.keyLocation(key)), schema.propertyNames()).isEmpty()) {
                out.add(violation("propertyNames", schema.propertyNames(), key));
            }
            Node value = map.get(key);
            boolean declared = false;
            Subschema property = schema.properties().get(key);
            if (property != null) {
                declared = true;
                checkChild(key, value, property, out);
            }
            for (Subschema.PatternProperty p : schema.patternProperties()) {
                if (p.pattern().matcher(key).find()) {
                    declared = true;
                    checkChild(key, value, p.schema(), out);
                }
            }
            Subschema additional = schema.additionalProperties();
            if (!declared && additional != null) {
                if (additional.allowsNothing()) {
                    out.add(violation("additionalProperties", schema, key));
                } else {
                    checkChild(key, value, additional, out);
                }
            }
        }
    }

    private void checkSequence(SeqNode seq, Subschema schema, List<Violation> out) {
        if (schema.items() != null) {
            for (int i = 0; i < seq.size(); i++) {
                checkChild(i, seq.get(i), schema.items(), out);
            }
        }
        if (schema.uniqueItems() && !JsonValues.allDistinct(seq)) {
            out.add(violation("uniqueItems", schema, null));
        }
    }

    private void checkScalar(ScalarNode scalar, Subschema schema, List<Violation> out) {
        if (schema.pattern() != null && scalar.value() instanceof String s && !schema.pattern().matcher(s).find()) {
            out.add(violation("pattern", schema, null));
        }
        if (schema.minimum() != null && scalar.value() instanceof Number n
                && JsonValues.decimal(n).compareTo(JsonValues.decimal(schema.minimum())) < 0) {
            out.add(violation("minimum", schema, null));
        }
    }

    /** Exactly one branch must hold; when none does, every branch's violations are kept. */
    private void checkOneOf(Node node, Subschema schema, List<Violation> out) {
        List<Violation> failures = new ArrayList<>();
        int holding = 0;
        for (Subschema branch : schema.oneOf()) {
            List<Violation> branchFailures = new ArrayList<>();
            check(node, branch, branchFailures);
            if (branchFailures.isEmpty()) {
                holding++;
            } else {
                failures.addAll(branchFailures);
            }
        }
        if (holding != 1) {
            out.add(violation(Violation.ONE_OF, schema, null));
        }
        if (holding == 0) {
            out.addAll(failures);
        }
    }

    private void checkChild(Object segment, Node child, Subschema schema, List<Violation> out) {
        path.add(segment);
        try {
            check(child, schema, out);
        } finally {
            path.removeLast();
        }
    }

    private Violation violation(String keyword, Subschema rule, String property) {
        return new Violation(List.copyOf(path), keyword, rule, property);
    }

    private static boolean hasAnyType(Node node, Set<String> types) {
        for (String type : types) {
            if (hasType(node, type)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code node} is of the JSON Schema type {@code type}; an integer is a number with no fraction. */
    static boolean hasType(Node node, String type) {
        if (node instanceof MapNode) {
            return type.equals("object");
        }
        if (node instanceof SeqNode) {
            return type.equals("array");
        }
        Object value = ((ScalarNode) node).value();
        if (value == null) {
            return type.equals("null");
        }
        if (value instanceof String) {
            return type.equals("string");
        }
        if (value instanceof Boolean) {
            return type.equals("boolean");
        }
        if (value instanceof Double d) {
            return type.equals("number") || type.equals("integer") && Double.isFinite(d) && d == Math.rint(d);
        }
        return type.equals("number") || type.equals("integer");
    }
}
