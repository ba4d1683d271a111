package dev.berth.engine.runtime;

import dev.berth.engine.core.EngineException;

/** No container has the ID, name or ID prefix asked for: {@code No such container: REF}, as Docker says. */
public final class NoSuchContainerException extends EngineException {

    public NoSuchContainerException(String ref) {
        super("No such container: " + ref);
    }
}
