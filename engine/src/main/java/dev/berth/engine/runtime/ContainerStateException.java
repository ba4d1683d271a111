package dev.berth.engine.runtime;

import dev.berth.engine.core.EngineException;

/**
 * The container exists but its state forbids the request: not running (kill, pause, exec, top),
 * running (remove without force), already paused or not paused. Docker answers these with 409.
 */
public final class ContainerStateException extends EngineException {

    public ContainerStateException(String message) {
        super(message);
    }
}
