package dev.berth.planner.load.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;

import dev.berth.planner.StackException;
import dev.berth.planner.load.fuzz.StackMutator;
import dev.berth.planner.load.fuzz.StackWriter;
import dev.berth.planner.load.yaml.YamlReader;
import dev.berth.planner.tree.MapNode;
import dev.berth.planner.tree.Node;
import dev.berth.planner.tree.ScalarNode;
import dev.berth.planner.tree.SeqNode;

/**
 * berth's own schema validator against a general JSON Schema 2020-12 implementation (networknt's),
 * on the same schema file: for generated and broken stack documents both give the same verdict,
 * and the general validator finds a violation at the place berth reports (the wording is berth's).
 */
class SchemaValidatorOracleProperties {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaValidator BERTH = new SchemaValidator();
    private static final JsonSchema ORACLE = oracle();
    private static final SchemaEvaluator EVALUATOR;
    private static final Subschema ROOT;

    static {
        SchemaCompiler.Compiled compiled = new SchemaCompiler().compile(schemaDocument());
        EVALUATOR = new SchemaEvaluator(compiled.definitions());
        ROOT = compiled.root();
    }

    @Property(tries = 3000)
    void generatedDocument_isValidForBoth(@ForAll long seed) {
        MapNode document = parse(new StackWriter(new Random(seed)).write());
        assertThat(document).isNotNull();
        assertSameVerdict(document);
    }

    @Property(tries = 5000)
    void brokenDocument_getsTheSameVerdictFromBoth(@ForAll long seed) {
        Random random = new Random(seed);
        MapNode document = parse(new StackMutator(random).mutate(new StackWriter(random).write()));
        if (document != null && isFinite(document)) {
            assertSameVerdict(document);
        }
    }

    @Property(tries = 4000)
    void documentWithOneValueReplaced_getsTheSameVerdictFromBoth(@ForAll long seed) {
        Random random = new Random(seed);
        MapNode document = parse(new StackWriter(random).write());
        assertThat(document).isNotNull();
        assertSameVerdict((MapNode) replaceOne(document, random, true));
    }

    @Example
    void schemaFile_compilesWithEveryReferenceDefined() {
        assertThat(ROOT.location()).isEqualTo("#");
        assertThat(ROOT.properties()).containsKeys("services", "networks", "volumes", "secrets", "configs", "include");
    }

    private static void assertSameVerdict(MapNode document) {
        Set<ValidationMessage> expected = ORACLE.validate(JSON.valueToTree(document.toPlain()));
        List<Violation> actual = EVALUATOR.evaluate(document, ROOT);
        String shown = JSON.valueToTree(document.toPlain()).toPrettyString();
        assertThat(actual.isEmpty()).as("berth %s, oracle %s, for\n%s", actual, expected, shown)
                .isEqualTo(expected.isEmpty());
        Statistics.label("verdict").collect(actual.isEmpty() ? "valid"
                : "invalid, " + SchemaValidator.pick(actual).getFirst().keyword());
        if (!actual.isEmpty()) {
            Violation picked = SchemaValidator.pick(actual).getFirst();
            assertThat(expected).as("oracle's messages for berth's %s %s in\n%s", picked.keyword(), picked.pointer(),
                            shown)
                    .anyMatch(m -> segments(m).equals(picked.path()));
            assertThatThrownBy(() -> BERTH.validate(document)).isInstanceOf(StackException.class)
                    .message().doesNotContain("Exception").doesNotContain("java.");
        }
    }

    /**
     * {@code node} with one node below it, chosen at random, replaced by a value of another kind or
     * range: what a person gets wrong in a key the YAML is otherwise right about.
     */
    private static Node replaceOne(Node node, Random random, boolean root) {
        boolean descend = root || random.nextInt(4) != 0;
        if (descend && node instanceof MapNode m && m.size() > 0) {
            String key = List.copyOf(m.keys()).get(random.nextInt(m.size()));
            return m.with(key, replaceOne(m.get(key), random, false));
        }
        if (descend && node instanceof SeqNode s && s.size() > 0) {
            List<Node> items = new ArrayList<>(s.items());
            int i = random.nextInt(items.size());
            items.set(i, replaceOne(items.get(i), random, false));
            return s.withItems(items);
        }
        return REPLACEMENTS.get(random.nextInt(REPLACEMENTS.size()));
    }

    private static final List<Node> REPLACEMENTS = new YamlReader().readAll("replacements.yaml", """
            values: [x, "", -1, 0, 1, 1.5, -0.5, true, null, [], {}, [a, a], [1, "1"], {zz: 1}, {x-a: 1},
              "80:80", "a b", "1.5g", "10s", [{target: 80}], {a: null}, {"": 1}, [[]], "~", "/abs", 4294967296]
            """).getFirst().get("values") instanceof SeqNode values ? values.items() : List.of();

    /** The oracle's instance location as keys and indexes (its printed pointer escapes keys its own way). */
    private static List<Object> segments(ValidationMessage message) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < message.getInstanceLocation().getNameCount(); i++) {
            out.add(message.getInstanceLocation().getElement(i));
        }
        return out;
    }

    /** The document, or null when the text is not YAML a stack file can be. */
    private static MapNode parse(String text) {
        try {
            return new YamlReader().readAll("compose.yaml", text).getFirst();
        } catch (StackException e) {
            return null;
        }
    }

    /** JSON, and so the oracle, has no infinite or NaN numbers; berth refuses them before validating. */
    private static boolean isFinite(Node node) {
        if (node instanceof MapNode m) {
            return m.keys().stream().allMatch(k -> isFinite(m.get(k)));
        }
        if (node instanceof SeqNode s) {
            return s.items().stream().allMatch(SchemaValidatorOracleProperties::isFinite);
        }
        return !(((ScalarNode) node).value() instanceof Double d) || Double.isFinite(d);
    }

    private static MapNode schemaDocument() {
        try (InputStream in = SchemaValidator.class.getResourceAsStream(SchemaValidator.SCHEMA_RESOURCE)) {
            return new YamlReader().readAll("compose.schema.json", new String(in.readAllBytes())).getFirst();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static JsonSchema oracle() {
        try (InputStream in = SchemaValidator.class.getResourceAsStream(SchemaValidator.SCHEMA_RESOURCE)) {
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().pathType(PathType.JSON_POINTER).build();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(JSON.readTree(in), config);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
