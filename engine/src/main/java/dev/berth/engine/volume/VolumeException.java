package dev.berth.engine.volume;

import dev.berth.engine.core.EngineException;

/** A volume or mount could not be created, read, filled or removed; the message says why. */
public class VolumeException extends EngineException {

    public VolumeException(String message) {
        super(message);
    }

    public VolumeException(String message, Throwable cause) {
        super(message, cause);
    }
}
