package dev.berth.engine.daemon;

import dev.berth.engine.core.EngineException;

/** The daemon cannot start, be configured or be reached; the message says why and what to do. */
public class DaemonException extends EngineException {

    public DaemonException(String message) {
        super(message);
    }

    public DaemonException(String message, Throwable cause) {
        super(message, cause);
    }
}
