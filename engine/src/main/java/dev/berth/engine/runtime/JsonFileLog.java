package dev.berth.engine.runtime;

import dev.berth.engine.core.LogSink;
import dev.berth.engine.core.LogEntry;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.engine.core.EngineException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * The one reader of a container's log in Docker's json-file format, for {@code logs},
 * {@code logs --follow} and an attached {@code run}: the rotated files {@code <log>.N} ...
 * {@code <log>.1} (oldest first), then {@code <log>} itself and, when following, the current file as
 * it grows, across rotations (the monitor renames it to {@code .1} and starts a new one, or with
 * {@code max-file} 1 truncates it).
 *
 * <p>Files are told apart by their file key (device and inode): a rotation while the reader lists
 * them neither repeats a file nor skips one that still exists. A line is decoded as UTF-8 before it
 * is parsed, so a log written by an older launcher with raw invalid bytes reads with U+FFFD in their
 * place (the launcher writes Docker's {@code \ufffd} escapes itself). A last line without its
 * newline is being written and is left for the next read.
 */
final class JsonFileLog {

    /** The monitor's record of a failure to write the log, beside {@code exit.json}. */
    static final String WARNING_FILE = "log-warning.json";

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final Duration POLL = Duration.ofMillis(10);

    /**
     * The monitor's {@code log-warning.json}: its first failure to write the log.
     *
     * @param error       what failed, e.g. {@code cannot write to the log /x-json.log: No space left on device}
     * @param lostEntries how many entries could not be written
     */
    record Warning(String error, long lostEntries) {
    }

    private final Path log;
    private final int maxFile;
    private final Path warningFile;

    JsonFileLog(Path log, int maxFile, Path warningFile) {
        this.log = log;
        this.maxFile = Math.max(maxFile, 1);
        this.warningFile = warningFile;
    }

    /**
     * Passes every entry written so far to {@code sink}, oldest first: each file up to the size it
     * had when opened, so that a container that writes faster than the reader reads does not keep
     * it going.
     */
    void read(LogSink sink) {
        List<Segment> files = filesAfter(null, true);
        try {
            for (Segment file : files) {
                file.drain(sink);
            }
        } finally {
            files.forEach(Segment::close);
        }
        sink.caughtUp();
    }

    /**
     * Passes every entry to {@code sink}, oldest first, then each one written later, until
     * {@code ended} is true and nothing more is left to read. {@code ended} must not turn true before
     * the writer has written its last entry (the monitor writes exit.json after the log).
     */
    void follow(LogSink sink, BooleanSupplier ended) {
        followAfter(null, sink, ended);
    }

    /**
     * The log's current file, opened now at its end (made, empty, when the container has not
     * written it yet): the place to follow from for output written from this moment on. Close it
     * with {@link #follow(Start, LogSink, BooleanSupplier)} or {@link Start#close()}.
     */
    Start openAtEnd() {
        try {
            // as the monitor makes it (0640): the monitor appends to it when the container starts
            Files.createFile(log, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r-----")));
        } catch (FileAlreadyExistsException written) {
            // the container has written it already: followed from its end
        } catch (IOException e) {
            throw new EngineException("cannot open the container log " + log + ": " + e.getMessage(), e);
        }
        Segment current = Segment.open(log, false);
        if (current == null) {
            throw new EngineException("cannot open the container log " + log + ": it was moved while being opened");
        }
        try {
            current.skipToEnd();
        } catch (RuntimeException e) {
            current.close();
            throw e;
        }
        return new Start(current);
    }

    /** A place in the log to follow from ({@link #openAtEnd()}). */
    static final class Start implements AutoCloseable {
        private final Segment segment;

        private Start(Segment segment) {
            this.segment = segment;
        }

        @Override
        public void close() {
            segment.close();
        }
    }

    /** As {@link #follow(LogSink, BooleanSupplier)}, with only the entries written after {@code start}. */
    void follow(Start start, LogSink sink, BooleanSupplier ended) {
        Object done;
        try (start) {
            if (followToRotation(start.segment, sink, ended)) {
                sink.caughtUp();
                return;
            }
            done = start.segment.key;
        }
        followAfter(done, sink, ended);
    }

    private void followAfter(Object done, LogSink sink, BooleanSupplier ended) {
        while (true) {
            boolean finished = ended.getAsBoolean();
            List<Segment> files = filesAfter(done, false);
            if (files.isEmpty()) {
                sink.caughtUp();
                if (finished) {
                    return;
                }
                LockSupport.parkNanos(POLL.toNanos());
                continue;
            }
            try {
                for (Segment rotated : files.subList(0, files.size() - 1)) {
                    rotated.drain(sink);
                    done = rotated.key;
                }
                Segment current = files.getLast();
                if (followToRotation(current, sink, ended)) {
                    sink.caughtUp();
                    return;
                }
                done = current.key;
            } finally {
                files.forEach(Segment::close);
            }
        }
    }

    /** Reads {@code current} until it is rotated (false) or {@code ended} holds and it is drained (true). */
    private boolean followToRotation(Segment current, LogSink sink, BooleanSupplier ended) {
        while (true) {
            // sampled before reading: once it holds, the file already has everything
            boolean finished = ended.getAsBoolean();
            if (current.drain(sink) > 0) {
                continue;
            }
            if (!Objects.equals(current.key, keyOf(log))) {
                current.drain(sink);
                return false;
            }
            if (finished) {
                return true;
            }
            sink.caughtUp();
            LockSupport.parkNanos(POLL.toNanos());
        }
    }

    /** The monitor's warning about this log, if it recorded one. */
    Optional<Warning> warning() {
        try {
            return Optional.of(JSON.readValue(Files.readAllBytes(warningFile), Warning.class));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new EngineException("cannot read the monitor's log warning " + warningFile + ": " + e.getMessage(), e);
        }
    }

    /**
     * Opens the log's files, oldest first, leaving out {@code done} and every file older than it
     * (all of them when {@code done} is null or gone). Listing newest first keeps the order right
     * when a rotation moves the files on while they are opened: a file only ever moves to an older
     * name, so it is met first under its newest name. {@code snapshot} bounds each file at its size
     * when opened.
     */
    private List<Segment> filesAfter(Object done, boolean snapshot) {
        List<Segment> newestFirst = new ArrayList<>();
        Set<Object> keys = new HashSet<>();
        try {
            for (int i = 0; i < maxFile; i++) {
                Segment s = Segment.open(i == 0 ? log : log.resolveSibling(log.getFileName() + "." + i), snapshot);
                if (s != null && !keys.add(s.key)) {
                    s.close();
                } else if (s != null) {
                    newestFirst.add(s);
                }
            }
        } catch (RuntimeException e) {
            newestFirst.forEach(Segment::close);
            throw e;
        }
        List<Segment> files = new ArrayList<>(newestFirst.reversed());
        int at = -1;
        for (int i = 0; i < files.size(); i++) {
            if (files.get(i).key.equals(done)) {
                at = i;
            }
        }
        List<Segment> older = files.subList(0, at + 1);
        older.forEach(Segment::close);
        older.clear();
        return files;
    }

    private static Object keyOf(Path file) {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
        } catch (IOException e) {
            return null;
        }
    }

    /** One file of the log, open for reading from its start. */
    private static final class Segment {

        private final Path path;
        private final FileChannel channel;
        private final Object key;
        private final long limit;
        private final ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();
        private long lineNumber;

        private Segment(Path path, FileChannel channel, Object key, long limit) {
            this.path = path;
            this.channel = channel;
            this.key = key;
            this.limit = limit;
        }

        /**
         * Opens {@code path}, to be read up to its present size when {@code snapshot}; null when
         * there is no such file (or it moved on while being opened).
         */
        static Segment open(Path path, boolean snapshot) {
            for (int attempt = 0; attempt < 3; attempt++) {
                Object before = keyOf(path);
                if (before == null) {
                    return null;
                }
                FileChannel channel;
                try {
                    channel = FileChannel.open(path, StandardOpenOption.READ);
                } catch (NoSuchFileException e) {
                    return null;
                } catch (IOException e) {
                    throw new EngineException("cannot read the container log " + path + ": " + e.getMessage(), e);
                }
                if (before.equals(keyOf(path))) {
                    try {
                        return new Segment(path, channel, before, snapshot ? channel.size() : Long.MAX_VALUE);
                    } catch (IOException e) {
                        closeQuietly(channel);
                        throw new EngineException("cannot read the container log " + path + ": " + e.getMessage(), e);
                    }
                }
                closeQuietly(channel);
            }
            // renamed under us three times in a row: its entries are read under its next name
            return null;
        }

        /** Moves to the end of what is written, so that only later entries are read. */
        void skipToEnd() {
            try {
                channel.position(channel.size());
            } catch (IOException e) {
                throw new EngineException("cannot read the container log " + path + ": " + e.getMessage(), e);
            }
        }

        /** Passes the whole lines written since the last call to {@code sink}; returns the bytes read. */
        long drain(LogSink sink) {
            long total = 0;
            try {
                if (channel.size() < channel.position()) {
                    // truncated by a rotation with max-file 1: the file starts again
                    channel.position(0);
                    line.reset();
                    lineNumber = 0;
                }
                while (channel.position() < limit) {
                    int n = channel.read(buffer.clear().limit((int) Math.min(buffer.capacity(),
                            limit - channel.position())));
                    if (n <= 0) {
                        break;
                    }
                    total += n;
                    byte[] bytes = buffer.array();
                    int start = 0;
                    for (int i = 0; i < n; i++) {
                        if (bytes[i] == '\n') {
                            line.write(bytes, start, i - start);
                            entry(sink);
                            start = i + 1;
                        }
                    }
                    line.write(bytes, start, n - start);
                }
            } catch (IOException e) {
                throw new EngineException("cannot read the container log " + path + ": " + e.getMessage(), e);
            }
            return total;
        }

        private void entry(LogSink sink) {
            lineNumber++;
            String text = line.toString(StandardCharsets.UTF_8);
            line.reset();
            if (text.isEmpty()) {
                return;
            }
            try {
                sink.entry(JSON.readValue(text, LogEntry.class));
            } catch (JsonProcessingException e) {
                throw new EngineException("cannot read the container log " + path + ": line " + lineNumber
                        + " is not a json-file entry (" + e.getOriginalMessage() + ")", e);
            }
        }

        void close() {
            closeQuietly(channel);
        }

        private static void closeQuietly(FileChannel channel) {
            try {
                channel.close();
            } catch (IOException e) {
                // a read-only channel loses nothing when its close fails
            }
        }
    }
}
