package dev.berth.planner.load.validate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import dev.berth.planner.StackException;
import dev.berth.planner.tree.MapNode;
import dev.berth.planner.tree.Node;
import dev.berth.planner.tree.ScalarNode;
import dev.berth.planner.tree.SeqNode;

/**
 * Validates one interpolated stack document against berth's JSON Schema
 * ({@code schemas/compose.schema.json}) and reports the most useful error, located where the
 * offending key or value was written and phrased for a person (see {@link SchemaErrorPhraser}).
 *
 * <p>The schema is read by {@link JsonTreeReader}, compiled by {@link SchemaCompiler} and checked by
 * {@link SchemaEvaluator}, which knows the keywords the schema uses: a general JSON Schema library
 * took a third of a short {@code berth config} run to start, in classes loaded and code run cold.
 * The tests hold this validator's verdicts to a general library's.
 */
public final class SchemaValidator {

    /** Where the planner's build puts the schema on the classpath. */
    public static final String SCHEMA_RESOURCE = "/dev/berth/planner/schema/compose.schema.json";

    private final Subschema root;
    private final Map<String, Subschema> definitions;

    public SchemaValidator() {
        MapNode schema;
        try (InputStream in = SchemaValidator.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("stack file schema missing from the classpath: " + SCHEMA_RESOURCE);
            }
            schema = new JsonTreeReader("compose.schema.json").read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the stack file schema", e);
        }
        SchemaCompiler.Compiled compiled = new SchemaCompiler().compile(schema);
        root = compiled.root();
        definitions = compiled.definitions();
    }

    /**
     * Validates {@code document}.
     *
     * @throws StackException with {@code FILE:LINE:COL: PATH: problem} for the first, most useful error
     */
    public void validate(MapNode document) {
        refuseNonFinite(document, new ArrayList<>());
        // an evaluator a validation: it keeps the path it walks, and one validator serves every load
        List<Violation> violations = new SchemaEvaluator(definitions).evaluate(document, root);
        if (violations.isEmpty()) {
            return;
        }
        throw new StackException(new SchemaErrorPhraser(document).phrase(pick(violations)));
    }

    /**
     * JSON has no infinite or NaN numbers ({@code .inf}, {@code .nan}, {@code 1e400} in YAML), and
     * the schema's number keywords cannot compare them; they are refused here, located.
     */
    private static void refuseNonFinite(Node node, List<Object> path) {
        if (node instanceof MapNode m) {
            for (String key : m.keys()) {
                path.add(key);
                refuseNonFinite(m.get(key), path);
                path.removeLast();
            }
        } else if (node instanceof SeqNode s) {
            for (int i = 0; i < s.size(); i++) {
                path.add(i);
                refuseNonFinite(s.get(i), path);
                path.removeLast();
            }
        } else if (node instanceof ScalarNode sc && sc.value() instanceof Double d && !Double.isFinite(d)) {
            throw new StackException(sc.location() + ": " + SchemaErrorPhraser.dotted(path) + ": " + d
                    + " is not a finite number; write a finite number, or quote the value if text was meant");
        }
    }

    /**
     * Picks the violation a person needs: the deepest one, because oneOf branches that failed on the
     * value's kind stop at the value itself; a non-type violation over a type violation at the same
     * depth, because it comes from the branch that matched the value's kind. Type violations at the
     * picked place are returned together so their expected types can be merged.
     */
    static List<Violation> pick(List<Violation> violations) {
        List<Violation> concrete = new ArrayList<>();
        for (Violation v : violations) {
            if (!Violation.ONE_OF.equals(v.keyword())) {
                concrete.add(v);
            }
        }
        if (concrete.isEmpty()) {
            return List.copyOf(violations);
        }
        Comparator<Violation> order = Comparator
                .comparingInt(SchemaValidator::depth).reversed()
                .thenComparing(v -> v.isType() ? 1 : 0)
                .thenComparing(Violation::pointer)
                .thenComparing(v -> v.rule().location());
        concrete.sort(order);
        Violation best = concrete.getFirst();
        if (!best.isType()) {
            return List.of(best);
        }
        List<Violation> sameSpot = new ArrayList<>();
        for (Violation v : concrete) {
            if (v.isType() && v.path().equals(best.path())) {
                sameSpot.add(v);
            }
        }
        return sameSpot;
    }

    private static int depth(Violation v) {
        int d = v.path().size() * 2;
        // an unknown key names a place one level below the mapping that holds it
        return "additionalProperties".equals(v.keyword()) ? d + 1 : d;
    }
}
