package dev.berth.engine.cgroup;

import dev.berth.engine.core.EngineException;

/** A cgroup could not be found, created, written, read or removed; the message names the file. */
public class CgroupException extends EngineException {

    public CgroupException(String message) {
        super(message);
    }

    public CgroupException(String message, Throwable cause) {
        super(message, cause);
    }
}
