package dev.berth.cli.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Copies a container's json-file log to stdout and stderr as it grows (Docker's {@code logs -f}
 * and the attached {@code run}), following the file across rotations (the monitor renames it to
 * {@code .1} and starts a new one), until the container has ended and the log is drained.
 */
final class JsonLogFollower {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration POLL = Duration.ofMillis(10);

    private final Path log;
    private final PrintWriter out;
    private final PrintWriter err;
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();

    JsonLogFollower(Path log, PrintWriter out, PrintWriter err) {
        this.log = log;
        this.out = out;
        this.err = err;
    }

    /**
     * Prints entries from the start of the current log file until {@code ended} is true and
     * nothing more arrives.
     */
    void follow(BooleanSupplier ended) throws IOException {
        FileChannel channel = null;
        Object key = null;
        ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
        try {
            while (true) {
                if (channel == null) {
                    try {
                        channel = FileChannel.open(log, StandardOpenOption.READ);
                        key = Files.readAttributes(log, BasicFileAttributes.class).fileKey();
                    } catch (NoSuchFileException e) {
                        channel = null;
                    }
                }
                boolean finished = ended.getAsBoolean();
                int read = channel == null ? -1 : drain(channel, buf);
                if (read > 0) {
                    continue;
                }
                if (channel != null && rotated(key)) {
                    drain(channel, buf);
                    channel.close();
                    channel = null;
                    continue;
                }
                if (finished) {
                    return;
                }
                LockSupport.parkNanos(POLL.toNanos());
            }
        } finally {
            if (channel != null) {
                channel.close();
            }
            out.flush();
            err.flush();
        }
    }

    /** Reads what is there; returns the bytes read. */
    private int drain(FileChannel channel, ByteBuffer buf) throws IOException {
        int total = 0;
        int n;
        while ((n = channel.read(buf.clear())) > 0) {
            total += n;
            byte[] bytes = buf.array();
            for (int i = 0; i < n; i++) {
                if (bytes[i] == '\n') {
                    print(partial.toString(StandardCharsets.UTF_8));
                    partial.reset();
                } else {
                    partial.write(bytes[i]);
                }
            }
        }
        if (total > 0) {
            out.flush();
            err.flush();
        }
        return total;
    }

    private boolean rotated(Object key) {
        try {
            return !Objects.equals(key, Files.readAttributes(log, BasicFileAttributes.class).fileKey());
        } catch (IOException e) {
            return true;
        }
    }

    private void print(String line) throws IOException {
        if (line.isEmpty()) {
            return;
        }
        JsonNode entry = JSON.readTree(line);
        String text = entry.path("log").asText();
        (entry.path("stream").asText().equals("stderr") ? err : out).print(text);
    }
}
