package dev.berth.planner.load.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import dev.berth.planner.load.yaml.YamlReader;
import dev.berth.planner.tree.MapNode;

class SchemaCompilerTest {

    private static SchemaCompiler.Compiled compile(String json) {
        MapNode schema = new YamlReader().readAll("schema.json", json).getFirst();
        return new SchemaCompiler().compile(schema);
    }

    @Test
    void compile_keepsKeywordsAndResolvesDefinitions() {
        SchemaCompiler.Compiled compiled = compile("""
                {"type": "object", "required": ["a"], "properties": {"a": {"$ref": "#/$defs/port"}},
                 "patternProperties": {"^x-": {}}, "additionalProperties": false,
                 "$defs": {"port": {"type": ["integer", "string"], "minimum": 1, "pattern": "^[0-9]+$"}}}
                """);
        Subschema root = compiled.root();
        assertThat(root.types()).containsExactly("object");
        assertThat(root.required()).containsExactly("a");
        assertThat(root.additionalProperties().allowsNothing()).isTrue();
        assertThat(root.properties()).containsOnlyKeys("a");
        assertThat(root.patternProperties()).singleElement()
                .satisfies(p -> assertThat(p.pattern().matcher("x-note").find()).isTrue())
                .satisfies(p -> assertThat(p.pattern().matcher("b").find()).isFalse());
        assertThat(root.properties().get("a").ref()).isEqualTo("port");
        Subschema port = compiled.definitions().get("port");
        assertThat(port.location()).isEqualTo("#/$defs/port");
        assertThat(port.types()).containsExactlyInAnyOrder("integer", "string");
        assertThat(port.minimum()).isEqualTo(1L);
        assertThat(port.pattern().pattern()).isEqualTo("^[0-9]+$");
    }

    @Test
    void compile_refusesAKeywordItDoesNotCheck() {
        assertThatThrownBy(() -> compile("{\"properties\": {\"a\": {\"maxLength\": 3}}}"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("berth's stack file schema, at #/properties/a: keyword \"maxLength\" is not supported"
                        + " by berth's schema validator");
    }

    @Test
    void compile_refusesAReferenceToAMissingDefinition() {
        assertThatThrownBy(() -> compile("{\"items\": {\"$ref\": \"#/$defs/nope\"}, \"$defs\": {}}"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("berth's stack file schema, at #/items: $ref names #/$defs/nope, which is not defined");
    }

    @Test
    void compile_refusesAReferenceOutsideTheDefinitions() {
        assertThatThrownBy(() -> compile("{\"items\": {\"$ref\": \"other.json\"}}"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("berth's stack file schema, at #/items: $ref must point into #/$defs/, found other.json");
    }
}
