package dev.berth.engine.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Where a {@link ChunkedBody} writes: each write is one chunk, flushed to the client before it returns. */
public interface ChunkSink {

    /**
     * Sends {@code bytes} as one chunk and waits until the connection took it.
     *
     * @throws IOException when the client has gone away
     */
    void write(byte[] bytes) throws IOException;

    default void write(String text) throws IOException {
        write(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends {@code value} as one line of JSON (events, pull progress, wait). */
    default void writeJsonLine(Object value) throws IOException {
        write(ApiJson.line(value));
    }

    /** True while the client is still connected. */
    boolean isOpen();

    /**
     * Runs {@code action} once when the client disconnects (or at once if it already has), so a
     * body that blocks waiting for data (logs --follow, events) can stop waiting.
     */
    void onClose(Runnable action);
}
