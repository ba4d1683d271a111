package dev.berth.planner.load.validate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import dev.berth.planner.tree.MapNode;
import dev.berth.planner.tree.Node;
import dev.berth.planner.tree.ScalarNode;
import dev.berth.planner.tree.SeqNode;

/**
 * Compiles berth's JSON Schema, read as a tree, into {@link Subschema}s. It knows the keywords the
 * stack file schema is written with (JSON Schema 2020-12: {@code type}, {@code enum},
 * {@code pattern}, {@code minimum}, {@code required}, {@code properties},
 * {@code patternProperties}, {@code additionalProperties}, {@code propertyNames}, {@code items},
 * {@code uniqueItems}, {@code oneOf}, and {@code $ref} to {@code #/$defs/...}) and the annotations
 * that do not validate; any other keyword is refused, so that the schema cannot ask for a check that
 * would silently not be made.
 */
final class SchemaCompiler {

    private static final String DEFS = "$defs";
    private static final String REF_PREFIX = "#/" + DEFS + "/";
    private static final Set<String> ANNOTATIONS = Set.of("$schema", "$id", "$comment", "title", "description",
            "deprecated", "default", "examples", DEFS);

    private static final Set<String> KEYWORDS = Set.of("$ref", "type", "enum", "pattern", "minimum", "required",
            "properties", "patternProperties", "additionalProperties", "propertyNames", "items", "uniqueItems", "oneOf");

    private final Map<String, Pattern> patterns = new HashMap<>();
    private final Map<String, String> references = new HashMap<>();

    /** The compiled root schema and its {@code $defs}. */
    record Compiled(Subschema root, Map<String, Subschema> definitions) {
    }

    /**
     * Compiles {@code schema}, the root of the schema document.
     *
     * @throws IllegalStateException when the schema uses a keyword or form this compiler does not
     *                               know, or {@code $ref} names a definition that does not exist
     */
    Compiled compile(MapNode schema) {
        Map<String, Subschema> definitions = new HashMap<>();
        if (schema.get(DEFS) instanceof MapNode defs) {
            for (String name : defs.keys()) {
                definitions.put(name, compile(defs.get(name), REF_PREFIX + name));
            }
        }
        Subschema root = compile(schema, "#");
        // every $ref must name a definition, so that a typo in the schema fails its tests, not a user's load
        references.forEach((at, name) -> {
            if (!definitions.containsKey(name)) {
                throw invalid(at, "$ref names " + REF_PREFIX + name + ", which is not defined");
            }
        });
        return new Compiled(root, Map.copyOf(definitions));
    }

    private Subschema compile(Node node, String at) {
        if (node instanceof MapNode m) {
            return compileObject(m, at);
        }
        if (node instanceof ScalarNode s && s.value() instanceof Boolean b) {
            return Subschema.constant(at, b);
        }
        throw invalid(at, "a schema must be an object or a boolean");
    }

    private Subschema compileObject(MapNode m, String at) {
        for (String keyword : m.keys()) {
            if (!ANNOTATIONS.contains(keyword) && !KEYWORDS.contains(keyword)) {
                throw invalid(at, "keyword \"" + keyword + "\" is not supported by berth's schema validator");
            }
        }
        String ref = null;
        if (m.has("$ref")) {
            String target = text(m.get("$ref"), at + "/$ref");
            if (!target.startsWith(REF_PREFIX)) {
                throw invalid(at, "$ref must point into " + REF_PREFIX + ", found " + target);
            }
            ref = target.substring(REF_PREFIX.length());
            references.put(at, ref);
        }
        Map<String, Subschema> properties = new LinkedHashMap<>();
        if (m.get("properties") instanceof MapNode props) {
            for (String key : props.keys()) {
                properties.put(key, compile(props.get(key), at + "/properties/" + key));
            }
        }
        List<Subschema.PatternProperty> patternProperties = new ArrayList<>();
        if (m.get("patternProperties") instanceof MapNode props) {
            for (String regex : props.keys()) {
                patternProperties.add(new Subschema.PatternProperty(pattern(regex),
                        compile(props.get(regex), at + "/patternProperties/" + regex)));
            }
        }
        List<Subschema> oneOf = new ArrayList<>();
        if (m.get("oneOf") instanceof SeqNode branches) {
            for (int i = 0; i < branches.size(); i++) {
                oneOf.add(compile(branches.get(i), at + "/oneOf/" + i));
            }
        }
        return new Subschema(at, false, ref, types(m.get("type"), at), enumValues(m.get("enum"), at),
                m.has("pattern") ? pattern(text(m.get("pattern"), at + "/pattern")) : null,
                m.get("minimum") instanceof ScalarNode min && min.value() instanceof Number n ? n : null,
                texts(m.get("required"), at + "/required"), properties, patternProperties,
                optional(m.get("additionalProperties"), at + "/additionalProperties"),
                optional(m.get("propertyNames"), at + "/propertyNames"),
                optional(m.get("items"), at + "/items"),
                m.get("uniqueItems") instanceof ScalarNode u && Boolean.TRUE.equals(u.value()), oneOf);
    }

    private Subschema optional(Node node, String at) {
        return node == null ? null : compile(node, at);
    }

    private Pattern pattern(String regex) {
        return patterns.computeIfAbsent(regex, Pattern::compile);
    }

    private static Set<String> types(Node node, String at) {
        if (node == null) {
            return null;
        }
        Set<String> types = new LinkedHashSet<>(node instanceof SeqNode ? texts(node, at + "/type")
                : List.of(text(node, at + "/type")));
        for (String type : types) {
            if (!Set.of("string", "number", "integer", "boolean", "object", "array", "null").contains(type)) {
                throw invalid(at, "unknown type \"" + type + "\"");
            }
        }
        return Set.copyOf(types);
    }

    private static List<Object> enumValues(Node node, String at) {
        if (node == null) {
            return null;
        }
        if (!(node instanceof SeqNode values)) {
            throw invalid(at, "enum must be an array");
        }
        List<Object> plain = new ArrayList<>();
        for (Node value : values.items()) {
            plain.add(value.toPlain());
        }
        return List.copyOf(plain);
    }

    private static List<String> texts(Node node, String at) {
        if (node == null) {
            return List.of();
        }
        if (!(node instanceof SeqNode seq)) {
            throw invalid(at, "expected an array of strings");
        }
        List<String> out = new ArrayList<>();
        for (Node item : seq.items()) {
            out.add(text(item, at));
        }
        return List.copyOf(out);
    }

    private static String text(Node node, String at) {
        if (node instanceof ScalarNode s && s.value() instanceof String text) {
            return text;
        }
        throw invalid(at, "expected a string");
    }

    private static IllegalStateException invalid(String at, String problem) {
        return new IllegalStateException("berth's stack file schema, at " + at + ": " + problem);
    }
}
