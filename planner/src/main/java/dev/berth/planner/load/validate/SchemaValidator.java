package dev.berth.planner.load.validate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import dev.berth.planner.StackException;
import dev.berth.planner.load.tree.MapNode;
import dev.berth.planner.load.tree.Node;
import dev.berth.planner.load.tree.ScalarNode;
import dev.berth.planner.load.tree.SeqNode;

/**
 * Validates one interpolated stack document against berth's JSON Schema
 * ({@code schemas/compose.schema.json}) and reports the most useful error, located where the
 * offending key or value was written and phrased for a person (see {@link SchemaErrorPhraser}).
 */
public final class SchemaValidator {

    /** Where the planner's build puts the schema on the classpath. */
    public static final String SCHEMA_RESOURCE = "/dev/berth/planner/schema/compose.schema.json";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> AGGREGATES = Set.of("oneOf", "anyOf", "allOf", "not");

    private final JsonSchema schema;
    private final JsonNode schemaTree;

    public SchemaValidator() {
        try (InputStream in = SchemaValidator.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("stack file schema missing from the classpath: " + SCHEMA_RESOURCE);
            }
            schemaTree = JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the stack file schema", e);
        }
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().pathType(PathType.JSON_POINTER).build();
        schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaTree, config);
    }

    /** The schema as a JSON tree, for tools that list allowed keys. */
    public JsonNode schemaTree() {
        return schemaTree;
    }

    /**
     * Validates {@code document}.
     *
     * @throws StackException with {@code FILE:LINE:COL: PATH: problem} for the first, most useful error
     */
    public void validate(MapNode document) {
        refuseNonFinite(document, "");
        JsonNode instance = JSON.valueToTree(document.toPlain());
        Set<ValidationMessage> messages = schema.validate(instance);
        if (messages.isEmpty()) {
            return;
        }
        throw new StackException(new SchemaErrorPhraser(document, schemaTree).phrase(pick(messages)));
    }

    /**
     * JSON has no infinite or NaN numbers ({@code .inf}, {@code .nan}, {@code 1e400} in YAML), and
     * the schema library cannot compare them; they are refused here, located.
     */
    private static void refuseNonFinite(Node node, String path) {
        switch (node) {
            case MapNode m -> m.keys().forEach(k -> refuseNonFinite(m.get(k), path.isEmpty() ? k : path + "." + k));
            case SeqNode s -> {
                for (int i = 0; i < s.size(); i++) {
                    refuseNonFinite(s.get(i), path + "[" + i + "]");
                }
            }
            case ScalarNode sc when sc.value() instanceof Double d && !Double.isFinite(d) ->
                    throw new StackException(sc.location() + ": " + path + ": " + d + " is not a finite number;"
                            + " write a finite number, or quote the value if text was meant");
            case ScalarNode sc -> { }
        }
    }

    /**
     * Picks the error a person needs: the deepest one, because oneOf branches that failed on the
     * value's kind stop at the value itself; a non-type error over a type error at the same depth,
     * because it comes from the branch that matched the value's kind. Type errors at the picked
     * place are returned together so their expected types can be merged.
     */
    static List<ValidationMessage> pick(Set<ValidationMessage> messages) {
        List<ValidationMessage> concrete = new ArrayList<>();
        for (ValidationMessage m : messages) {
            if (!AGGREGATES.contains(m.getType())) {
                concrete.add(m);
            }
        }
        if (concrete.isEmpty()) {
            return List.copyOf(messages);
        }
        Comparator<ValidationMessage> order = Comparator
                .comparingInt(SchemaValidator::depth).reversed()
                .thenComparing(m -> isType(m) ? 1 : 0)
                .thenComparing(m -> m.getInstanceLocation().toString())
                .thenComparing(m -> m.getSchemaLocation().toString());
        concrete.sort(order);
        ValidationMessage best = concrete.getFirst();
        if (!isType(best)) {
            return List.of(best);
        }
        List<ValidationMessage> sameSpot = new ArrayList<>();
        for (ValidationMessage m : concrete) {
            if (isType(m) && m.getInstanceLocation().equals(best.getInstanceLocation())) {
                sameSpot.add(m);
            }
        }
        return sameSpot;
    }

    private static boolean isType(ValidationMessage m) {
        return "type".equals(m.getType());
    }

    private static int depth(ValidationMessage m) {
        int d = m.getInstanceLocation().getNameCount() * 2;
        // an unknown key names a place one level below the mapping that holds it
        return "additionalProperties".equals(m.getType()) ? d + 1 : d;
    }
}
