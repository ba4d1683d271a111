package dev.berth.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EnvEntriesTest {

    @Test
    void merge_replacesSameNameInPlace_andAppendsNewNames() {
        assertThat(EnvEntries.merge(List.of("A=1", "B=2"), List.of("C=3", "A=9")))
                .containsExactly("A=9", "B=2", "C=3");
    }

    @Test
    void merge_givesBareNameAnEmptyValue() {
        assertThat(EnvEntries.merge(List.of("DEBUG=1"), List.of("DEBUG", "X")))
                .containsExactly("DEBUG=", "X=");
    }
}
