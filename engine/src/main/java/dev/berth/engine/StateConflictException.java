package dev.berth.engine;

import dev.berth.engine.core.EngineException;

/**
 * The object exists but its state forbids the request (a container that is not running, an exec
 * instance already started): Docker's 409, with Docker's message.
 */
public final class StateConflictException extends EngineException {

    StateConflictException(String message) {
        super(message);
    }
}
