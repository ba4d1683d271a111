package dev.berth.engine.api;

import dev.berth.engine.core.LogEntry;
import dev.berth.engine.core.LogSink;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Turns a container's log entries into what {@code logs} and {@code attach} send: the streams asked
 * for, within {@code since}/{@code until}, the last {@code tail} entries of the log written so far
 * (then, when following, every new one), each with its time when asked, as frames unless the
 * container has a TTY (engine-api.md §2.2). Output is batched and flushed whenever the reader has
 * caught up with the log. Once the client has gone, or an entry passed {@code until}, it wants
 * nothing more ({@link #finished()}).
 */
final class LogWriter implements LogSink {

    /** Where the bytes go: a chunk of a chunked answer, or a write on a hijacked connection. */
    @FunctionalInterface
    interface Output {
        void write(byte[] bytes) throws IOException;
    }

    /** Docker's {@code RFC3339NanoFixed}: always nine fraction digits. */
    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSSSSXXX")
            .withZone(ZoneOffset.UTC);
    private static final int BATCH = 32 * 1024;

    private final LogQuery query;
    private final boolean tty;
    private final Output out;
    private final Deque<byte[]> tail = new ArrayDeque<>();
    private final ByteArrayOutputStream batch = new ByteArrayOutputStream();
    private boolean history = true;
    private volatile boolean pastUntil;
    private volatile boolean gone;

    LogWriter(LogQuery query, boolean tty, Output out) {
        this.query = query;
        this.tty = tty;
        this.out = out;
    }

    @Override
    public void entry(LogEntry entry) {
        if (finished()) {
            return;
        }
        boolean stderr = "stderr".equals(entry.stream());
        if (stderr ? !query.stderr() : !query.stdout()) {
            return;
        }
        Instant time = Instant.parse(entry.time());
        if (query.since() != null && time.isBefore(query.since())) {
            return;
        }
        if (query.until() != null && time.isAfter(query.until())) {
            pastUntil = true;
            return;
        }
        byte[] bytes = bytes(entry, time, stderr);
        if (history && query.tail() >= 0) {
            tail.addLast(bytes);
            if (tail.size() > query.tail()) {
                tail.removeFirst();
            }
            return;
        }
        batch.writeBytes(bytes);
        if (batch.size() >= BATCH) {
            flush();
        }
    }

    /** The first time: the log written so far is read, so its last {@code tail} entries go out. */
    @Override
    public void caughtUp() {
        if (history) {
            history = false;
            tail.forEach(batch::writeBytes);
            tail.clear();
        }
        flush();
    }

    /** True once the client has gone or an entry was past {@code until}: reading on is pointless. */
    boolean finished() {
        return gone || pastUntil;
    }

    private byte[] bytes(LogEntry entry, Instant time, boolean stderr) {
        String text = query.timestamps() ? TIMESTAMP.format(time) + " " + entry.log() : entry.log();
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        return tty ? payload : StdStream.frame(stderr ? StdStream.STDERR : StdStream.STDOUT, payload, 0, payload.length);
    }

    private void flush() {
        if (batch.size() == 0 || gone) {
            batch.reset();
            return;
        }
        try {
            out.write(batch.toByteArray());
        } catch (IOException e) {
            gone = true;
        }
        batch.reset();
    }
}
