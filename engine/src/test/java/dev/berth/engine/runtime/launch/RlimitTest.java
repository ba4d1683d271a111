package dev.berth.engine.runtime.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RlimitTest {

    @Test
    void parse_readsSoftAndHard_orOneValueForBoth() {
        assertThat(Rlimit.parse("nofile=1024:2048")).isEqualTo(new Rlimit("nofile", 1024, 2048));
        assertThat(Rlimit.parse("NPROC=50")).isEqualTo(new Rlimit("nproc", 50, 50));
        assertThat(Rlimit.parse("core=-1").resource()).isEqualTo(4);
    }

    @Test
    void parse_refusesUnknownNames_badNumbers_andSoftAboveHard() {
        assertThatThrownBy(() -> Rlimit.parse("files=1")).hasMessageStartingWith(
                "ulimit \"files\" is not a known resource (expected one of [as, core, cpu,");
        assertThatThrownBy(() -> Rlimit.parse("nofile=x")).hasMessage(
                "ulimit \"nofile=x\" is not NAME=SOFT[:HARD] with numbers");
        assertThatThrownBy(() -> Rlimit.parse("nofile=10:5")).hasMessage(
                "ulimit nofile: soft limit 10 is greater than the hard limit 5");
    }

    @Test
    void logOptions_parseDockerSizes() {
        assertThat(LogOptions.parse(Map.of("max-size", "10m", "max-file", "3"))).isEqualTo(new LogOptions(10485760, 3));
        assertThat(LogOptions.parse(Map.of("max-size", "512k"))).isEqualTo(new LogOptions(524288, 1));
        assertThat(LogOptions.parse(Map.of())).isEqualTo(LogOptions.UNLIMITED);
        assertThatThrownBy(() -> LogOptions.parse(Map.of("max-size", "ten"))).hasMessage(
                "log option max-size \"ten\" is not a size (expected a number with an optional k, m or g unit)");
        assertThatThrownBy(() -> LogOptions.parse(Map.of("max-file", "0"))).hasMessage(
                "log option max-file must be at least 1, got 0");
    }
}
