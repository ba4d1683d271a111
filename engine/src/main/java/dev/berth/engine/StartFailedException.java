package dev.berth.engine;

import dev.berth.engine.core.EngineException;
/**
 * A container could not be started because its command could not be run; {@link #exitCode()} is
 * what Docker gives: 127 for a command not found, 126 for one that cannot be invoked, 128 for any
 * other setup error.
 */
public final class StartFailedException extends EngineException {

    private final int exitCode;

    StartFailedException(String message, int exitCode, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
