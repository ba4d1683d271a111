package dev.berth.planner.load.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextPositionsTest {

    @Test
    void at_countsLinesAsYamlDoes_crLfOnce_loneCrAndNextLineToo() {
        assertThat(TextPositions.at("f", "a\r\nb\rc\u0085d\u2028e", 10).toString()).isEqualTo("f:5:2");
    }

    @Test
    void at_countsColumnsInCodePoints() {
        String text = "x: \uD83D\uDE00y";
        assertThat(TextPositions.at("f", text, text.indexOf('y')).toString()).isEqualTo("f:1:5");
    }

    @Test
    void indexOfCodePoint_stepsOverSurrogatePairs() {
        assertThat(TextPositions.indexOfCodePoint("\uD83D\uDE00ab", 2)).isEqualTo(3);
    }
}
