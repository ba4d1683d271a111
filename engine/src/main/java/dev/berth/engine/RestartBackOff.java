package dev.berth.engine;

import java.time.Duration;

/**
 * The delay before a container's next restart, as Docker's restart manager grows it: 100 ms for the
 * first, doubled for each one after, at most one minute; back to 100 ms once the container had
 * run for at least 10 seconds. One per container, kept in memory as Docker keeps it.
 */
final class RestartBackOff {

    static final Duration FIRST = Duration.ofMillis(100);
    static final Duration MAX = Duration.ofMinutes(1);
    static final Duration RESET_AFTER = Duration.ofSeconds(10);

    private Duration current = Duration.ZERO;

    /** The delay before restarting a container that ran for {@code ranFor} this time. */
    synchronized Duration next(Duration ranFor) {
        if (ranFor.compareTo(RESET_AFTER) >= 0) {
            current = Duration.ZERO;
        }
        current = current.isZero() ? FIRST : current.multipliedBy(2);
        if (current.compareTo(MAX) > 0) {
            current = MAX;
        }
        return current;
    }
}
