package dev.berth.engine.core;

/**
 * An engine operation that could not be done: the message says what was being done, to what,
 * why it failed and what to do about it.
 */
public class EngineException extends RuntimeException {

    public EngineException(String message) {
        super(message);
    }

    public EngineException(String message, Throwable cause) {
        super(message, cause);
    }
}
