package dev.berth.engine;

import dev.berth.engine.core.EngineException;

/**
 * The exec instance exists but its state forbids the request (started already, or not running for
 * a resize): Docker's 409, with Docker's message.
 */
public final class ExecStateException extends EngineException {

    ExecStateException(String message) {
        super(message);
    }
}
