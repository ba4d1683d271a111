package dev.berth.engine.runtime.launch;

import dev.berth.engine.core.EngineException;
import java.time.Duration;

/** An exec that was still running when its time was up; it and the processes it started were killed. */
public final class ExecTimedOutException extends EngineException {

    private final Duration timeout;

    public ExecTimedOutException(String message, Duration timeout) {
        super(message);
        this.timeout = timeout;
    }

    public Duration timeout() {
        return timeout;
    }
}
