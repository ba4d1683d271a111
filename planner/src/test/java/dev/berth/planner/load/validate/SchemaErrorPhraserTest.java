package dev.berth.planner.load.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

class SchemaErrorPhraserTest {

    @Test
    void suggestion_swappedLetters_countAsOneEdit() {
        assertThat(SchemaErrorPhraser.suggestion("imgae", Set.of("image", "init", "ipc"))).isEqualTo("image");
        assertThat(SchemaErrorPhraser.suggestion("fiel", Set.of("file", "name", "labels"))).isEqualTo("file");
    }

    @Test
    void suggestion_unrelatedKey_hasNone() {
        assertThat(SchemaErrorPhraser.suggestion("colour", Set.of("image", "init"))).isNull();
    }

    @Test
    void editDistance_countsInsertDeleteReplaceAndSwap() {
        assertThat(SchemaErrorPhraser.editDistance("image", "image")).isZero();
        assertThat(SchemaErrorPhraser.editDistance("imag", "image")).isEqualTo(1);
        assertThat(SchemaErrorPhraser.editDistance("imgae", "image")).isEqualTo(1);
        assertThat(SchemaErrorPhraser.editDistance("imxge", "image")).isEqualTo(1);
        assertThat(SchemaErrorPhraser.editDistance("", "abc")).isEqualTo(3);
    }
}
