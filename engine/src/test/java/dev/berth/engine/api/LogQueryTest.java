package dev.berth.engine.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LogQueryTest {

    private static LogQuery parse(Map<String, String> params) {
        Map<String, List<String>> values = new java.util.HashMap<>();
        params.forEach((k, v) -> values.put(k, List.of(v)));
        return LogQuery.parse(new QueryParams(values));
    }

    @Test
    void noStream_isRefusedWithDockersMessage() {
        assertThatThrownBy(() -> parse(Map.of("follow", "1")))
                .isInstanceOf(ApiException.class).hasMessage("Bad parameters: you must choose at least one stream")
                .extracting(e -> ((ApiException) e).status()).isEqualTo(400);
    }

    @Test
    void tail_allMinusOneAndGarbageMeanAll_aNumberIsKept() {
        assertThat(LogQuery.tail("all")).isEqualTo(-1);
        assertThat(LogQuery.tail("-1")).isEqualTo(-1);
        assertThat(LogQuery.tail("-7")).isEqualTo(-1);
        assertThat(LogQuery.tail("x")).isEqualTo(-1);
        assertThat(LogQuery.tail("0")).isZero();
        assertThat(LogQuery.tail("2")).isEqualTo(2);
        assertThat(parse(Map.of("stdout", "1")).tail()).isEqualTo(-1);
    }

    @Test
    void sinceAndUntil_areUnixSecondsWithAnOptionalFraction_zeroMeansNoBound() {
        LogQuery q = parse(Map.of("stderr", "true", "since", "1700000000.25", "until", "1700000100"));
        assertThat(q.since()).isEqualTo(Instant.ofEpochSecond(1700000000, 250_000_000));
        assertThat(q.until()).isEqualTo(Instant.ofEpochSecond(1700000100));
        assertThat(q.stdout()).isFalse();
        assertThat(q.stderr()).isTrue();
        assertThat(parse(Map.of("stdout", "1", "since", "0")).since()).isNull();
        assertThat(parse(Map.of("stdout", "1", "since", "1.000000001")).since()).isEqualTo(Instant.ofEpochSecond(1, 1));
    }

    @Test
    void since_notAUnixTime_isRefusedNamingTheValue() {
        for (String bad : List.of("yesterday", "1.", ".5", "1.2.3", "1.1234567890", "1.-5")) {
            assertThatThrownBy(() -> parse(Map.of("stdout", "1", "since", bad)))
                    .hasMessage("invalid value for since: \"" + bad
                            + "\" is not a unix time in seconds (e.g. 1700000000 or 1700000000.5)");
        }
    }
}
