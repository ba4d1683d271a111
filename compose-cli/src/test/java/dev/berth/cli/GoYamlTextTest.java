package dev.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class GoYamlTextTest {

    private final GoYamlText yaml = new GoYamlText();

    @Test
    void scalar_isPlain_forAnOrdinaryString() {
        assertThat(yaml.scalar("docker.io/nginx:1.27")).isEqualTo("docker.io/nginx:1.27");
        assertThat(yaml.scalar("${B:-x}")).isEqualTo("${B:-x}");
        assertThat(yaml.scalar("-v")).isEqualTo("-v");
    }

    @Test
    void scalar_isDoubleQuoted_whenPlainWouldReadBackAsAnotherType() {
        assertThat(Stream.of("", "null", "~", "true", "on", "No", "8080", "-1.5", "0x1F", "1e3", "1_000", ".inf",
                "2024-01-02", "1:20").map(yaml::scalar).toList()).containsExactly("\"\"", "\"null\"", "\"~\"",
                "\"true\"", "\"on\"", "\"No\"", "\"8080\"", "\"-1.5\"", "\"0x1F\"", "\"1e3\"", "\"1_000\"", "\".inf\"",
                "\"2024-01-02\"", "\"1:20\"");
    }

    @Test
    void scalar_isSingleQuoted_whenPlainStyleCannotHoldIt() {
        assertThat(Stream.of("a: b", "#x", " lead", "trail ", "it's: here", "- item", "a #b", "*ref").map(yaml::scalar)
                .toList()).containsExactly("'a: b'", "'#x'", "' lead'", "'trail '", "'it''s: here'", "'- item'",
                "'a #b'", "'*ref'");
    }

    @Test
    void scalar_isDoubleQuotedWithEscapes_forControlCharacters() {
        assertThat(yaml.scalar("a\tb")).isEqualTo("\"a\\tb\"");
    }

    @Test
    void keyOrder_putsNonLettersBeforeLetters_andComparesDigitRunsAsNumbers_aNonDigitCountingAsZero() {
        assertThat(Stream.of("AB", "A_B", "A10", "A9", "a", "B").sorted(GoYamlText.KEY_ORDER).toList())
                .isEqualTo(List.of("A_B", "A9", "A10", "AB", "B", "a"));
    }
}
