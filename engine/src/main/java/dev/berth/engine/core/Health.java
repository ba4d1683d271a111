package dev.berth.engine.core;

import java.util.ArrayList;
import java.util.List;

/**
 * A container's health as Docker's {@code State.Health} shows it, and how a probe's result moves
 * it (moby {@code daemon/health.go}): a success makes it healthy and clears the failing streak; a
 * failure adds to the streak, except while the container is still {@code starting} inside its
 * start period, and {@code retries} failures in a row make it unhealthy. The last
 * {@link #MAX_LOG} probes are kept.
 *
 * @param status        {@code starting}, {@code healthy} or {@code unhealthy}
 * @param failingStreak failed probes in a row
 * @param log           the last probes, the oldest first
 */
public record Health(String status, int failingStreak, List<HealthLogEntry> log) {

    public static final String STARTING = "starting";
    public static final String HEALTHY = "healthy";
    public static final String UNHEALTHY = "unhealthy";
    /** Docker keeps this many probes in the log. */
    public static final int MAX_LOG = 5;
    /** Docker keeps this many characters of a probe's output. */
    public static final int MAX_OUTPUT = 4096;

    public Health {
        if (!status.equals(STARTING) && !status.equals(HEALTHY) && !status.equals(UNHEALTHY)) {
            throw new IllegalArgumentException("health status \"" + status + "\" is not starting, healthy or unhealthy");
        }
        log = List.copyOf(log);
    }

    /** The health of a container just started: {@code starting}, no streak, the earlier probes kept. */
    public static Health startingAfter(Health previous) {
        return new Health(STARTING, 0, previous == null ? List.of() : previous.log);
    }

    /**
     * The health after {@code probe}.
     *
     * @param inStartPeriod true when the probe began within the container's start period
     * @param retries       failures in a row that make the container unhealthy
     */
    public Health after(HealthLogEntry probe, boolean inStartPeriod, int retries) {
        List<HealthLogEntry> kept = new ArrayList<>(log);
        kept.add(probe);
        while (kept.size() > MAX_LOG) {
            kept.removeFirst();
        }
        if (probe.exitCode() == 0) {
            return new Health(HEALTHY, 0, kept);
        }
        if (status.equals(STARTING) && inStartPeriod) {
            // failures while the container starts up do not count (Docker's start period)
            return new Health(status, failingStreak, kept);
        }
        int streak = failingStreak + 1;
        return new Health(streak >= retries ? UNHEALTHY : status, streak, kept);
    }

    /** A probe's output as Docker keeps it: at most {@link #MAX_OUTPUT} characters. */
    public static String truncate(String output) {
        return output.length() <= MAX_OUTPUT ? output : output.substring(0, MAX_OUTPUT);
    }
}
