package dev.berth.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.engine.core.Healthcheck;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class HealthMonitorTest {

    private static Healthcheck check(String... test) {
        return new Healthcheck(List.of(test), null, null, null, null, 0);
    }

    @Test
    void command_cmd_runsItsArguments_cmdShell_runsTheShell() {
        assertThat(HealthMonitor.command(check("CMD", "test", "-f", "/tmp/ok"))).containsExactly("test", "-f", "/tmp/ok");
        assertThat(HealthMonitor.command(check("CMD-SHELL", "test -f /tmp/ok || exit 1")))
                .containsExactly("/bin/sh", "-c", "test -f /tmp/ok || exit 1");
    }

    @Test
    void goDuration_printsAsDockersMessageDoes() {
        assertThat(HealthMonitor.goDuration(Duration.ofMillis(200))).isEqualTo("200ms");
        assertThat(HealthMonitor.goDuration(Duration.ofSeconds(30))).isEqualTo("30s");
        assertThat(HealthMonitor.goDuration(Duration.ofSeconds(90))).isEqualTo("1m30s");
        assertThat(HealthMonitor.goDuration(Duration.ofMillis(1500))).isEqualTo("1.5s");
    }
}
