package dev.berth.planner.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void parseNanos_readsEveryUnit_andABareNumberAsSeconds() {
        assertThat(Durations.parseNanos("1h30m")).isEqualTo(5_400_000_000_000L);
        assertThat(Durations.parseNanos("500ms")).isEqualTo(500_000_000L);
        assertThat(Durations.parseNanos("10us")).isEqualTo(10_000L);
        assertThat(Durations.parseNanos("1.5s")).isEqualTo(1_500_000_000L);
        assertThat(Durations.parseNanos("30")).isEqualTo(30_000_000_000L);
        assertThatThrownBy(() -> Durations.parseNanos("10x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void format_printsAsComposePrints() {
        assertThat(Durations.format(90_000_000_000L)).isEqualTo("1m30s");
        assertThat(Durations.format(3_600_000_000_000L)).isEqualTo("1h0m0s");
        assertThat(Durations.format(3_660_000_000_000L)).isEqualTo("1h1m0s");
        assertThat(Durations.format(3_601_000_000_000L)).isEqualTo("1h0m1s");
        assertThat(Durations.format(120_000_000_000L)).isEqualTo("2m0s");
        assertThat(Durations.format(0)).isEqualTo("0s");
        assertThat(Durations.format(1_500_000L)).isEqualTo("1.5ms");
    }
}
