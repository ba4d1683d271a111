package dev.berth.engine.runtime;

import dev.berth.engine.core.EngineException;
import dev.berth.engine.core.LogSink;
import dev.berth.engine.runtime.launch.ControlFifo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * A client attached to a container ({@code docker attach}, an attached {@code docker run} or
 * {@code compose up}): the container's output from the moment of attaching (or from the start of
 * its log), until the run going on, or the next one when it is not running, has ended; and, for a
 * container with an open stdin, the way to its stdin.
 *
 * <p>Attaching happens before the start: the position in the log is taken when the attachment is
 * made, so nothing the container writes after that is lost, however soon it starts and ends.
 */
public final class LogAttachment {

    private static final Duration POLL = Duration.ofMillis(10);

    private final JsonFileLog log;
    private final JsonFileLog.Start start;
    private final BooleanSupplier ended;
    private final BooleanSupplier running;
    private final Path control;

    LogAttachment(JsonFileLog log, JsonFileLog.Start start, BooleanSupplier ended, BooleanSupplier running,
                  Path control) {
        this.log = log;
        this.start = start;
        this.ended = ended;
        this.running = running;
        this.control = control;
    }

    /**
     * Passes the output to {@code sink} until the run has ended and its output is read, or
     * {@code stop} holds.
     */
    public void follow(LogSink sink, BooleanSupplier stop) {
        BooleanSupplier done = () -> stop.getAsBoolean() || ended.getAsBoolean();
        if (start == null) {
            log.follow(sink, done);
        } else {
            log.follow(start, sink, done);
        }
    }

    /** Whether the container reads from attached clients: it was created with an open stdin. */
    public boolean hasStdin() {
        return control != null;
    }

    /**
     * The container's stdin once it runs (waiting for its start); null when the run ended, or
     * {@code stop} held, first.
     *
     * @throws EngineException when it runs but its monitor's FIFO cannot be opened
     */
    public ControlFifo stdinWhenRunning(BooleanSupplier stop) {
        if (control == null) {
            throw new IllegalStateException("the container has no open stdin");
        }
        while (!stop.getAsBoolean() && !ended.getAsBoolean()) {
            // the monitor makes the FIFO before the container runs, and removes it when it ends
            if (running.getAsBoolean() && Files.exists(control)) {
                try {
                    return ControlFifo.open(control);
                } catch (IOException e) {
                    if (Files.exists(control)) {
                        throw new EngineException("cannot open the stdin of the container through " + control + ": "
                                + e.getMessage(), e);
                    }
                }
            }
            LockSupport.parkNanos(POLL.toNanos());
        }
        return null;
    }

    /** Lets go of the log when {@link #follow} is never called. */
    public void close() {
        if (start != null) {
            start.close();
        }
    }
}
