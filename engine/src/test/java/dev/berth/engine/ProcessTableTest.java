package dev.berth.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The columns of {@code ps -ef} as {@code docker top} shows them. */
class ProcessTableTest {

    @Test
    void tty_isQuestionMarkPtsOrTty() {
        assertThat(ProcessTable.tty(0)).isEqualTo("?");
        assertThat(ProcessTable.tty((136 << 8) | 3)).isEqualTo("pts/3");
        assertThat(ProcessTable.tty((4 << 8) | 1)).isEqualTo("tty1");
    }

    @Test
    void cpuTime_isHoursMinutesSeconds_withDaysWhenLonger() {
        assertThat(ProcessTable.cpuTime(0)).isEqualTo("00:00:00");
        assertThat(ProcessTable.cpuTime(3723)).isEqualTo("01:02:03");
        assertThat(ProcessTable.cpuTime(90061)).isEqualTo("1-01:01:01");
    }

    @Test
    void command_isTheArguments_orTheNameInBrackets() {
        assertThat(ProcessTable.command("sleep\u00001000\u0000".getBytes(StandardCharsets.UTF_8), "sleep"))
                .isEqualTo("sleep 1000");
        assertThat(ProcessTable.command(new byte[0], "kworker/0:1")).isEqualTo("[kworker/0:1]");
    }

    @Test
    void startTime_isTheTimeOfDayWithinADay() {
        Instant now = Instant.now();
        assertThat(ProcessTable.startTime(now.minus(Duration.ofMinutes(5)), now)).matches("\\d\\d:\\d\\d");
        assertThat(ProcessTable.startTime(now.minus(Duration.ofDays(3)), now)).matches("[A-Z][a-z]{2}\\d\\d|\\d{4}");
    }
}
