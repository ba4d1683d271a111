package dev.berth.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ContainerNamesTest {

    @Test
    void next_givesAdjectiveUnderscoreSurname_thatDockersNameRulesAccept() {
        ContainerNames names = new ContainerNames(new Random(7));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String name = names.next(0);
            assertThat(name).matches("[a-z]+_[a-z]+");
            assertThatCode(() -> RunRequestValidator.checkName(name)).doesNotThrowAnyException();
            seen.add(name);
        }
        assertThat(seen).as("distinct names among 200").hasSizeGreaterThan(150);
    }

    @Test
    void next_afterAConflict_appendsADigit() {
        assertThat(new ContainerNames(new Random(7)).next(1)).matches("[a-z]+_[a-z]+[0-9]");
    }
}
