package dev.berth.engine.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HealthTest {

    private static HealthLogEntry probe(int exitCode) {
        return new HealthLogEntry("2026-01-01T00:00:00Z", "2026-01-01T00:00:01Z", exitCode, "out " + exitCode);
    }

    @Test
    void after_failures_makeItUnhealthy_atTheRetriesCount() {
        Health h = Health.startingAfter(null).after(probe(1), false, 2);
        assertThat(h.status()).isEqualTo(Health.STARTING);
        assertThat(h.failingStreak()).isEqualTo(1);

        h = h.after(probe(1), false, 2);
        assertThat(h.status()).isEqualTo(Health.UNHEALTHY);
        assertThat(h.failingStreak()).isEqualTo(2);
    }

    @Test
    void after_aSuccess_makesItHealthy_andClearsTheStreak() {
        Health h = Health.startingAfter(null).after(probe(1), false, 1).after(probe(0), false, 1);

        assertThat(h.status()).isEqualTo(Health.HEALTHY);
        assertThat(h.failingStreak()).isZero();
    }

    @Test
    void after_aFailureWhileHealthy_keepsItHealthy_untilTheRetriesCount() {
        Health h = Health.startingAfter(null).after(probe(0), false, 3).after(probe(2), false, 3)
                .after(probe(-1), false, 3);
        assertThat(h.status()).isEqualTo(Health.HEALTHY);
        assertThat(h.failingStreak()).isEqualTo(2);

        assertThat(h.after(probe(1), false, 3).status()).isEqualTo(Health.UNHEALTHY);
    }

    @Test
    void after_failuresInTheStartPeriod_doNotCount_whileStarting() {
        Health h = Health.startingAfter(null);
        for (int i = 0; i < 5; i++) {
            h = h.after(probe(1), true, 1);
        }
        assertThat(h.status()).isEqualTo(Health.STARTING);
        assertThat(h.failingStreak()).isZero();

        Health healthy = h.after(probe(0), true, 1);
        assertThat(healthy.after(probe(1), true, 1).status()).as("counted once it was healthy").isEqualTo(Health.UNHEALTHY);
    }

    @Test
    void after_keepsTheLastFiveProbes_oldestFirst() {
        Health h = Health.startingAfter(null);
        for (int i = 0; i < 7; i++) {
            h = h.after(probe(i), false, 100);
        }

        assertThat(h.log()).extracting(HealthLogEntry::exitCode).containsExactly(2, 3, 4, 5, 6);
    }

    @Test
    void startingAfter_aNewRun_resetsStatusAndStreak_keepsTheLog() {
        Health unhealthy = Health.startingAfter(null).after(probe(1), false, 1);

        Health restarted = Health.startingAfter(unhealthy);

        assertThat(restarted.status()).isEqualTo(Health.STARTING);
        assertThat(restarted.failingStreak()).isZero();
        assertThat(restarted.log()).isEqualTo(unhealthy.log());
    }

    @Test
    void truncate_keepsDockersMaximumOutput() {
        assertThat(Health.truncate("x".repeat(5000))).hasSize(Health.MAX_OUTPUT);
        assertThat(Health.truncate("short")).isEqualTo("short");
    }
}
