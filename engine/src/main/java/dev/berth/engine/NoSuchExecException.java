package dev.berth.engine;

import dev.berth.engine.core.EngineException;

/** No exec instance has the given ID (or it went with its container): Docker's 404. */
public final class NoSuchExecException extends EngineException {

    NoSuchExecException(String id) {
        super("No such exec instance: " + id);
    }
}
