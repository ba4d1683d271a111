package dev.berth.engine.runtime;

import dev.berth.engine.core.Health;

/**
 * What the daemon's supervisor keeps about a container, saved in its {@code state.json} with the
 * rest of its state (so one atomic write records both): Docker's {@code RestartCount},
 * {@code State.Restarting}, {@code HasBeenManuallyStopped} and {@code State.Health}.
 *
 * @param restartCount  restarts by the restart policy since the user last started it
 * @param restarting    a restart is decided and waits for its back-off delay
 * @param stoppedByUser stopped or killed through the engine: the restart policy leaves it alone
 * @param health        null when it has no healthcheck or was never started with one
 */
public record Supervision(int restartCount, boolean restarting, boolean stoppedByUser, Health health) {

    /** A container never supervised (and every state file written before supervision existed). */
    public static final Supervision NONE = new Supervision(0, false, false, null);

    /** Started by the user: the count starts again, no restart is pending, the policy applies again. */
    public Supervision startedByUser() {
        return new Supervision(0, false, false, health);
    }

    public Supervision stoppedByUser(boolean v) {
        return new Supervision(restartCount, restarting && !v, v, health);
    }

    /** A restart by the policy is decided: counted at once, as Docker counts it. */
    public Supervision restartDecided() {
        return new Supervision(restartCount + 1, true, stoppedByUser, health);
    }

    public Supervision restarting(boolean v) {
        return new Supervision(restartCount, v, stoppedByUser, health);
    }

    public Supervision withHealth(Health h) {
        return new Supervision(restartCount, restarting, stoppedByUser, h);
    }
}
