package dev.berth.planner.load.interpolate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.berth.planner.StackException;
import dev.berth.planner.load.yaml.YamlReader;
import dev.berth.planner.tree.MapNode;

class VariableExtractorTest {

    private final VariableExtractor extractor = new VariableExtractor();

    private static Variable plain(String name) {
        return new Variable(name, "", "", false);
    }

    @Test
    void inString_findsUnbracedAndBracedNames() {
        assertThat(extractor.inString("$A-b and ${B}")).containsExactly(plain("A"), plain("B"));
    }

    @Test
    void inString_keepsDefaultOfColonDashAndDash() {
        assertThat(extractor.inString("${A:-one}")).containsExactly(new Variable("A", "one", "", false));
        assertThat(extractor.inString("${A-two}")).containsExactly(new Variable("A", "two", "", false));
    }

    @Test
    void inString_marksColonQuestionAndQuestionRequired_withoutKeepingTheMessage() {
        assertThat(extractor.inString("${A:?set A}")).containsExactly(new Variable("A", "", "", true));
        assertThat(extractor.inString("${A?set A}")).containsExactly(new Variable("A", "", "", true));
    }

    @Test
    void inString_keepsAlternateValueOfColonPlusAndPlus() {
        assertThat(extractor.inString("${A:+yes}")).containsExactly(new Variable("A", "", "yes", false));
        assertThat(extractor.inString("${A+yes}")).containsExactly(new Variable("A", "", "yes", false));
    }

    @Test
    void inString_findsVariablesNestedInDefaultAndAlternateValues_afterTheOuterOne() {
        assertThat(extractor.inString("${A:-${B:-x}}")).containsExactly(
                new Variable("A", "${B:-x}", "", false), new Variable("B", "x", "", false));
        assertThat(extractor.inString("${A:+$B}")).containsExactly(
                new Variable("A", "", "$B", false), plain("B"));
    }

    @Test
    void inString_skipsEscapedDollars() {
        assertThat(extractor.inString("$$A and $${B} cost $$5")).isEmpty();
    }

    @Test
    void inString_givesTheTemplatesAfterTheFirstClosingBraceFirst_asComposeGo() {
        // The greedy braced pattern swallows both templates; compose-go cuts the match at its first
        // closing brace and extracts the rest before the first variable.
        assertThat(extractor.inString("${A:-1} and ${B:-2}")).containsExactly(
                new Variable("B", "2", "", false), new Variable("A", "1", "", false));
    }

    @Test
    void inString_givesAnEmptyNameForAnInvalidTemplate() {
        assertThat(extractor.inString("${ A}")).containsExactly(plain(""));
    }

    @Test
    void inString_ignoresADollarBeforeAnythingElse() {
        assertThat(extractor.inString("^a$ costs $5")).isEmpty();
    }

    @Test
    void extract_scansStringValuesNotKeys_sortedByName_laterOccurrenceWinning() {
        MapNode model = new YamlReader().readAll("compose.yaml", """
                services:
                  ${KEY}:
                    image: ${IMAGE:-nginx}
                    command: ["${B:-first}", "${B:-second}"]
                    scale: 2
                """).getFirst();
        assertThat(extractor.extract(model)).containsExactly(
                Map.entry("B", new Variable("B", "second", "", false)),
                Map.entry("IMAGE", new Variable("IMAGE", "nginx", "", false)));
    }

    @Test
    void firstBraceClosingIndex_skipsTheCharacterAfterEachOpeningBrace() {
        assertThat(VariableExtractor.firstBraceClosingIndex("${A:-${B}}")).isEqualTo(9);
        assertThat(VariableExtractor.firstBraceClosingIndex("${A:-{}")).isEqualTo(-1);
        assertThat(VariableExtractor.firstBraceClosingIndex("${A}x}")).isEqualTo(3);
    }

    @Test
    void extract_templatesNestedTooDeep_isLocatedError() {
        String nested = "${A:-".repeat(2000) + "x" + "}".repeat(2000);
        MapNode doc = new YamlReader().readAll("compose.yaml", "x: \"" + nested + "\"\n").getFirst();
        assertThatThrownBy(() -> extractor.extract(doc))
                .isInstanceOf(StackException.class)
                .hasMessage("compose.yaml:1:4: variable substitutions nest more than 100 levels deep"
                        + " (${A:-${B:-...}}); use fewer levels");
    }

    @Test
    void inString_manyTemplatesOnOneLine_areAllFound() {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            line.append("${V").append(i).append(":-d} ");
        }
        assertThat(extractor.inString(line.toString())).hasSize(3000)
                .contains(new Variable("V0", "d", "", false), new Variable("V2999", "d", "", false));
    }
}
