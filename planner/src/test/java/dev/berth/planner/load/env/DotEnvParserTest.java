package dev.berth.planner.load.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import dev.berth.planner.StackException;
import org.junit.jupiter.api.Test;

class DotEnvParserTest {

    private static Map<String, String> parse(String content) {
        return DotEnvParser.parse(".env", content, Map.of("HOST_VAR", "from-host")::get);
    }

    @Test
    void parse_skipsCommentsAndBlankLines() {
        assertThat(parse("# comment\n\nA=1\n   # indented comment\nB=2\n")).containsExactly(
                Map.entry("A", "1"), Map.entry("B", "2"));
    }

    @Test
    void parse_acceptsExportPrefixAndSpacesAroundEquals() {
        assertThat(parse("export A=1\nB = 2\n  C=  3  \n")).containsExactly(
                Map.entry("A", "1"), Map.entry("B", "2"), Map.entry("C", "3"));
    }

    @Test
    void parse_unquotedValue_endsAtHashAfterSpace() {
        assertThat(parse("A=abc # note\nB=abc#not-a-comment\nC=#x\n")).containsExactly(
                Map.entry("A", "abc"), Map.entry("B", "abc#not-a-comment"), Map.entry("C", "#x"));
    }

    @Test
    void parse_emptyValue_isEmptyString() {
        assertThat(parse("A=\nB=''\nC=\"\"\n")).containsExactly(
                Map.entry("A", ""), Map.entry("B", ""), Map.entry("C", ""));
    }

    @Test
    void parse_singleQuoted_isLiteral() {
        assertThat(parse("A='$HOST_VAR \\n # kept'\n")).containsExactly(Map.entry("A", "$HOST_VAR \\n # kept"));
    }

    @Test
    void parse_doubleQuoted_expandsEscapesAndVariables() {
        assertThat(parse("A=\"x\\ny\\tz \\\"q\\\" \\\\ $HOST_VAR \\$LIT\" # comment\n"))
                .containsExactly(Map.entry("A", "x\ny\tz \"q\" \\ from-host $LIT"));
    }

    @Test
    void parse_multiLineQuotedValues_andLineCountingAfterThem() {
        assertThat(parse("A=\"line 1\nline 2\"\nB='x\ny'\nC=3\n")).containsExactly(
                Map.entry("A", "line 1\nline 2"), Map.entry("B", "x\ny"), Map.entry("C", "3"));
        assertThatThrownBy(() -> parse("A=\"1\n2\"\nB!=3\n")).hasMessage(
                ".env:3: unexpected character \"!\" in variable name \"B!\"");
    }

    @Test
    void parse_unquotedAndDoubleQuoted_interpolateAgainstLookupThenEarlierValues() {
        assertThat(parse("A=one\nB=${A}-$HOST_VAR\nC=\"${MISSING:-dflt}\"\nD='${A}'\n")).containsExactly(
                Map.entry("A", "one"), Map.entry("B", "one-from-host"), Map.entry("C", "dflt"),
                Map.entry("D", "${A}"));
    }

    @Test
    void parse_lookupWinsOverEarlierValues() {
        Map<String, String> vars = DotEnvParser.parse(".env", "FOO=foo\nBAR=${FOO}\n", Map.of("FOO", "zot")::get);
        assertThat(vars).containsEntry("BAR", "zot");
    }

    @Test
    void parse_nameAlone_inheritsFromLookup_orIsLeftOut() {
        assertThat(parse("HOST_VAR\nUNKNOWN\n")).containsExactly(Map.entry("HOST_VAR", "from-host"));
    }

    @Test
    void parse_toleratesBomAndCrLf() {
        assertThat(parse("\uFEFFA=1\r\nB=2\r\n")).containsExactly(Map.entry("A", "1"), Map.entry("B", "2"));
    }

    @Test
    void parse_unterminatedQuote_isLocated() {
        assertThatThrownBy(() -> parse("A=1\nB=\"open\nC=2\n")).isInstanceOf(StackException.class)
                .hasMessage(".env:2: unterminated quoted value \"open (add the closing \")");
    }

    @Test
    void parse_textAfterClosingQuote_isLocated() {
        assertThatThrownBy(() -> parse("A='x' y\n"))
                .hasMessage(".env:1: unexpected text after the closing quote: y (quote the whole value)");
    }

    @Test
    void parse_missingName_isLocated() {
        assertThatThrownBy(() -> parse("A=1\n=2\n")).hasMessage(".env:2: a variable name is missing before \"=\"");
    }

    @Test
    void parse_invalidInterpolation_isLocated() {
        assertThatThrownBy(() -> parse("A=${\n")).hasMessage(
                ".env:1: invalid interpolation format: \"${\"; you may need to escape any $ with another $");
        assertThatThrownBy(() -> parse("A=${NOPE?needed}\n")).hasMessage(
                ".env:1: required variable NOPE is missing a value: needed");
    }

    @Test
    void parseRaw_takesValuesAsWritten() {
        assertThat(DotEnvParser.parseRaw("raw.env", "# c\nA=\"q\" $X # not a comment\nB='s'\n\nC\n"))
                .containsExactly(Map.entry("A", "\"q\" $X # not a comment"), Map.entry("B", "'s'"));
    }

    @Test
    void parse_templatesNestedTooDeep_isAnErrorAtTheLine() {
        String nested = "${A:-".repeat(2000) + "x" + "}".repeat(2000);
        assertThatThrownBy(() -> parse("OK=1\nDEEP=\"" + nested + "\"\n"))
                .isInstanceOf(StackException.class)
                .hasMessage(".env:2: variable substitutions nest more than 100 levels deep (${A:-${B:-...}});"
                        + " use fewer levels");
    }
}
