package dev.berth.planner.load.validate;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One schema object of berth's JSON Schema, compiled by {@link SchemaCompiler}: the keywords the
 * stack file schema uses (JSON Schema 2020-12), each null, empty or false when the object does not
 * have it. All of an object's keywords apply together, {@code $ref} included.
 *
 * @param location             where the object is in the schema, as a JSON pointer ({@code #/$defs/service});
 *                             names the rule in tie-breaks between errors
 * @param allowsNothing        the {@code false} schema: no value is valid
 * @param ref                  the name of the {@code $defs} entry {@code $ref} points at, or null
 * @param types                the JSON types {@code type} allows, or null for any
 * @param enumValues           the values {@code enum} allows, as plain values, or null for any
 * @param pattern              {@code pattern}, or null
 * @param minimum              {@code minimum} as written, or null
 * @param required             the keys {@code required} asks for
 * @param properties           {@code properties}, by key
 * @param patternProperties    {@code patternProperties}, in the order written
 * @param additionalProperties the schema keys that neither {@code properties} nor
 *                             {@code patternProperties} name must meet, or null for any
 * @param propertyNames        the schema every key of a mapping must meet, or null
 * @param items                the schema every item of a sequence must meet, or null
 * @param uniqueItems          {@code uniqueItems: true}
 * @param oneOf                {@code oneOf}'s branches, of which exactly one must hold
 */
record Subschema(String location, boolean allowsNothing, String ref, Set<String> types, List<Object> enumValues,
                 Pattern pattern, Number minimum, List<String> required, Map<String, Subschema> properties,
                 List<PatternProperty> patternProperties, Subschema additionalProperties, Subschema propertyNames,
                 Subschema items, boolean uniqueItems, List<Subschema> oneOf) {

    /** A {@code patternProperties} entry: keys that match {@code pattern} must meet {@code schema}. */
    record PatternProperty(Pattern pattern, Subschema schema) {
    }

    /** The {@code true} or {@code false} schema at {@code location}. */
    static Subschema constant(String location, boolean value) {
        return new Subschema(location, !value, null, null, null, null, null, List.of(), Map.of(), List.of(), null,
                null, null, false, List.of());
    }
}
