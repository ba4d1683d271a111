package dev.berth.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.engine.core.EngineException;
import org.junit.jupiter.api.Test;

class SignalsTest {

    @Test
    void names_withOrWithoutSig_anyCase_andNumbers() {
        assertThat(Signals.parse("SIGTERM")).isEqualTo(15);
        assertThat(Signals.parse("term")).isEqualTo(15);
        assertThat(Signals.parse("KILL")).isEqualTo(9);
        assertThat(Signals.parse("SIGUSR1")).isEqualTo(10);
        assertThat(Signals.parse("SIGSYS")).isEqualTo(31);
        assertThat(Signals.parse("3")).isEqualTo(3);
        assertThat(Signals.parse("64")).isEqualTo(64);
    }

    @Test
    void unknownOrOutOfRange_isInvalidSignal() {
        assertThatThrownBy(() -> Signals.parse("SIGFOO")).isInstanceOf(EngineException.class)
                .hasMessage("Invalid signal: SIGFOO");
        assertThatThrownBy(() -> Signals.parse("0")).hasMessage("Invalid signal: 0");
        assertThatThrownBy(() -> Signals.parse("65")).hasMessage("Invalid signal: 65");
    }
}
