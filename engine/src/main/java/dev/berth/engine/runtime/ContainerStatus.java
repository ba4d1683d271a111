package dev.berth.engine.runtime;

import java.util.Locale;

/** The life-cycle state of a container, named as Docker's {@code State.Status}. */
public enum ContainerStatus {
    CREATED, RUNNING, PAUSED, EXITED;

    /** Docker's spelling: "created", "running", ... */
    public String dockerName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
