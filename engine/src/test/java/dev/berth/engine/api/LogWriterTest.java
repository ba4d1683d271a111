package dev.berth.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.engine.core.LogEntry;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogWriterTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final List<Integer> writes = new ArrayList<>();

    private LogWriter writer(LogQuery query, boolean tty) {
        return new LogWriter(query, tty, bytes -> {
            writes.add(bytes.length);
            out.writeBytes(bytes);
        });
    }

    private static LogQuery query(boolean stdout, boolean stderr, int tail, boolean timestamps, Instant since,
                                  Instant until) {
        return new LogQuery(stdout, stderr, false, tail, timestamps, since, until);
    }

    private static LogEntry entry(String log, String stream, long second) {
        return new LogEntry(log, stream, Instant.ofEpochSecond(1700000000 + second).toString());
    }

    private String text() {
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    @Test
    void frames_carryTheStreamAndTheBigEndianLength() {
        assertThat(StdStream.frame(2, "err\n".getBytes(StandardCharsets.UTF_8), 0, 4))
                .containsExactly(2, 0, 0, 0, 0, 0, 0, 4, 'e', 'r', 'r', '\n');
        byte[] big = new byte[0x010203];
        byte[] frame = StdStream.frame(1, big, 0, big.length);
        assertThat(frame).startsWith(1, 0, 0, 0, 0, 1, 2, 3).hasSize(8 + big.length);
    }

    @Test
    void entries_areFramedPerStream_andOnlyTheStreamsAskedForGo() {
        LogWriter w = writer(query(true, false, -1, false, null, null), false);
        w.entry(entry("out\n", "stdout", 0));
        w.entry(entry("err\n", "stderr", 1));
        w.caughtUp();
        assertThat(StreamApi.frames(text())).containsExactly("1:out\n");
    }

    @Test
    void tty_writesRawBytes() {
        LogWriter w = writer(query(true, true, -1, false, null, null), true);
        w.entry(entry("hi\r\n", "stdout", 0));
        w.caughtUp();
        assertThat(text()).isEqualTo("hi\r\n");
    }

    @Test
    void tail_keepsTheLastEntriesOfTheHistory_thenPassesEveryNewOne() {
        LogWriter w = writer(query(true, true, 2, false, null, null), true);
        for (int i = 1; i <= 5; i++) {
            w.entry(entry(i + "\n", "stdout", i));
        }
        assertThat(text()).isEmpty();
        w.caughtUp();
        assertThat(text()).isEqualTo("4\n5\n");
        w.entry(entry("6\n", "stdout", 6));
        w.caughtUp();
        assertThat(text()).isEqualTo("4\n5\n6\n");
    }

    @Test
    void tailZero_showsNoHistory() {
        LogWriter w = writer(query(true, true, 0, false, null, null), true);
        w.entry(entry("old\n", "stdout", 1));
        w.caughtUp();
        w.entry(entry("new\n", "stdout", 2));
        w.caughtUp();
        assertThat(text()).isEqualTo("new\n");
    }

    @Test
    void sinceAndUntil_boundTheEntries_andPassingUntilFinishes() {
        Instant base = Instant.ofEpochSecond(1700000000);
        LogWriter w = writer(query(true, true, -1, false, base.plusSeconds(2), base.plusSeconds(3)), true);
        for (int i = 1; i <= 3; i++) {
            w.entry(entry(i + "\n", "stdout", i));
        }
        assertThat(w.finished()).isFalse();
        w.entry(entry("4\n", "stdout", 4));
        assertThat(w.finished()).isTrue();
        w.caughtUp();
        assertThat(text()).isEqualTo("2\n3\n");
    }

    @Test
    void timestamps_prefixEachPayloadWithNineFractionDigits() {
        LogWriter w = writer(query(true, true, -1, true, null, null), false);
        w.entry(new LogEntry("x\n", "stdout", "2026-11-29T04:23:27.1614Z"));
        w.caughtUp();
        assertThat(StreamApi.frames(text())).containsExactly("1:2026-11-29T04:23:27.161400000Z x\n");
    }

    @Test
    void output_isBatchedUntilTheReaderCatchesUp_andStopsOnceTheClientHasGone() {
        LogWriter w = new LogWriter(query(true, true, -1, false, null, null), true, bytes -> {
            throw new java.io.IOException("client gone");
        });
        w.entry(entry("a\n", "stdout", 1));
        assertThat(w.finished()).isFalse();
        w.caughtUp();
        assertThat(w.finished()).isTrue();
        LogWriter batched = writer(query(true, true, -1, false, null, null), true);
        batched.entry(entry("a\n", "stdout", 1));
        batched.entry(entry("b\n", "stdout", 2));
        batched.caughtUp();
        assertThat(writes).containsExactly(4);
    }
}
