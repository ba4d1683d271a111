package dev.berth.engine.core;

/** What a wait on a container waits for, as Docker's {@code /containers/{id}/wait?condition=}. */
public enum WaitCondition {
    /** The container is not running: at once when it is not, else when its current run ends. */
    NOT_RUNNING,
    /** The next exit after the wait began, even when the container has not started yet. */
    NEXT_EXIT,
    /** The container has been removed; answers with its last exit code. */
    REMOVED
}
