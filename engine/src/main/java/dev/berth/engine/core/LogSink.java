package dev.berth.engine.core;

/** Receives a container's log as the engine reads it ({@code Engine.logs}). */
public interface LogSink {

    /** One entry of the log, in the order the monitor wrote them. */
    void entry(LogEntry entry);

    /**
     * The reader has passed everything written so far and, when following, waits for more: a
     * moment to flush what was printed.
     */
    void caughtUp();
}
