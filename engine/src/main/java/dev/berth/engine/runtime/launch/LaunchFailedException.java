package dev.berth.engine.runtime.launch;

import dev.berth.engine.core.EngineException;

/**
 * The launcher could not start the command; {@link #exitCode()} is what Docker records: 127 for a
 * command not found, 126 for one that cannot be invoked, 128 for any other setup error.
 */
public final class LaunchFailedException extends EngineException {

    private final int exitCode;
    private final String reason;

    public LaunchFailedException(String containerId, int exitCode, String reason) {
        super("cannot start container " + containerId + ": " + reason);
        this.exitCode = exitCode;
        this.reason = reason;
    }

    public int exitCode() {
        return exitCode;
    }

    /** The launcher's own message, e.g. {@code exec: "foo": executable file not found in $PATH}. */
    public String reason() {
        return reason;
    }
}
