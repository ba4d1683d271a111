package dev.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TabWriterTest {

    private final TabWriter compose = new TabWriter(20, 3);

    @Test
    void format_padsEachColumnToMinWidth_andLeavesTheLastCellUnpadded() {
        assertThat(compose.format("A\tB\tC\n")).isEqualTo("A" + " ".repeat(19) + "B" + " ".repeat(19) + "C\n");
    }

    @Test
    void format_widensAColumnToItsWidestCellPlusPadding() {
        String wide = "x".repeat(25);
        assertThat(compose.format("NAME\tV\n" + wide + "\tW\n")).isEqualTo(
                "NAME" + " ".repeat(24) + "V\n"
                        + wide + "   W\n");
    }

    @Test
    void format_padsAnEmptyCellToo_soALineMayEndInSpaces() {
        assertThat(compose.format("A\t\t\n")).isEqualTo("A" + " ".repeat(19) + " ".repeat(20) + "\n");
    }

    @Test
    void format_sizesColumnsPerBlockOfConsecutiveLinesHavingThatColumn() {
        String wide = "y".repeat(30);
        // The line without a tab ends the block: the column after it is sized on its own.
        assertThat(new TabWriter(0, 1).format(wide + "\tA\nplain\nB\tC\n")).isEqualTo(
                wide + " A\n"
                        + "plain\n"
                        + "B C\n");
    }

    @Test
    void format_countsCodePointsNotBytes() {
        assertThat(new TabWriter(0, 1).format("é\tx\nab\ty\n")).isEqualTo("é  x\nab y\n");
    }

    @Test
    void format_keepsTextWithoutNewlineAtTheEnd() {
        assertThat(new TabWriter(0, 1).format("a\tb")).isEqualTo("a b");
    }
}
