package dev.berth.planner.load.interpolate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TemplateTest {

    private final List<String> unset = new ArrayList<>();
    private final Template template = new Template(Map.of("FOO", "first", "EMPTY", "", "BAR", "second"), unset::add);

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "$FOO|first",
            "${FOO}|first",
            "x${FOO}y|xfirsty",
            "$FOO-bar|first-bar",
            "${UNSET:-dflt}|dflt",
            "${EMPTY:-dflt}|dflt",
            "${FOO:-dflt}|first",
            "${UNSET-dflt}|dflt",
            "${EMPTY-dflt}|''",
            "${FOO:+alt}|alt",
            "${EMPTY:+alt}|''",
            "${UNSET:+alt}|''",
            "${EMPTY+alt}|alt",
            "${UNSET+alt}|''",
            "${UNSET:-${BAR}}|second",
            "${UNSET:-${UNSET2:-deep}}|deep",
            "${FOO:-${BAR}}|first",
            "$$FOO|$FOO",
            "$${FOO}|${FOO}",
            "a $ string|a $ string",
            "^REGEX$|^REGEX$",
            "$}|$}",
            "$1|$1",
            "${FOO:-a:b}|first",
            "${UNSET:-a b c}|a b c",
    })
    void substitute_followsComposeSemantics(String in, String expected) {
        assertThat(template.substitute(in)).isEqualTo(expected);
        assertThat(unset).isEmpty();
    }

    @Test
    void substitute_unsetVariableWithoutDefault_isBlankAndReported() {
        assertThat(template.substitute("a${NOPE}b$ALSO_NOT")).isEqualTo("ab");
        assertThat(unset).containsExactly("NOPE", "ALSO_NOT");
    }

    @Test
    void substitute_defaultIsEvaluatedLazily_soUnusedDefaultDoesNotReport() {
        assertThat(template.substitute("${FOO:-${NOPE}}")).isEqualTo("first");
        assertThat(unset).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"${", "${}", "${ }", "${ foo}", "${foo }", "${foo!}", "x${FOO", "${9a}"})
    void substitute_invalidBracedForm_isInvalidFormat(String in) {
        assertThatThrownBy(() -> template.substitute(in))
                .isInstanceOfSatisfying(TemplateException.class, e -> {
                    assertThat(e.invalidFormat()).isTrue();
                    assertThat(e.getMessage()).isEqualTo(in);
                });
    }

    @Test
    void substitute_requiredUnset_failsWithComposeWording() {
        assertThatThrownBy(() -> template.substitute("${NOPE:?give it a value}"))
                .hasMessage("required variable NOPE is missing a value: give it a value");
        assertThatThrownBy(() -> template.substitute("${EMPTY:?must not be empty}"))
                .hasMessage("required variable EMPTY is missing a value: must not be empty");
        assertThatThrownBy(() -> template.substitute("${NOPE?}"))
                .hasMessage("required variable NOPE is missing a value");
    }

    @Test
    void substitute_requiredSet_returnsValue() {
        assertThat(template.substitute("${EMPTY?err}")).isEmpty();
        assertThat(template.substitute("${FOO:?err}")).isEqualTo("first");
    }

    /** {@code ${A:-${A:-...x}}} nested {@code levels} deep, with A unset so every default is used. */
    private static String nested(int levels) {
        return "${A:-".repeat(levels) + "x" + "}".repeat(levels);
    }

    @Test
    void substitute_nestedAsDeepAsTheLimit_substitutes() {
        assertThat(template.substitute(nested(Template.MAX_NESTING + 1))).isEqualTo("x");
    }

    @Test
    void substitute_nestedDeeperThanTheLimit_isAnErrorNotAStackOverflow() {
        assertThatThrownBy(() -> template.substitute(nested(2000)))
                .isInstanceOf(TemplateException.class)
                .hasMessage("variable substitutions nest more than 100 levels deep (${A:-${B:-...}}); use fewer levels");
    }
}
