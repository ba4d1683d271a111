package dev.berth.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RestartBackOffTest {

    @Test
    void next_startsAt100ms_doublesPerRestart_andIsCappedAtOneMinute() {
        RestartBackOff backOff = new RestartBackOff();
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            millis.add(backOff.next(Duration.ofMillis(50)).toMillis());
        }

        assertThat(millis).containsExactly(100L, 200L, 400L, 800L, 1600L, 3200L, 6400L, 12800L, 25600L, 51200L,
                60000L, 60000L);
    }

    @Test
    void next_startsOverAt100ms_afterARunOfAtLeastTenSeconds() {
        RestartBackOff backOff = new RestartBackOff();
        backOff.next(Duration.ZERO);
        backOff.next(Duration.ofSeconds(9));
        assertThat(backOff.next(Duration.ofMillis(9999))).isEqualTo(Duration.ofMillis(400));

        assertThat(backOff.next(Duration.ofSeconds(10))).isEqualTo(Duration.ofMillis(100));
        assertThat(backOff.next(Duration.ofSeconds(1))).isEqualTo(Duration.ofMillis(200));
    }
}
