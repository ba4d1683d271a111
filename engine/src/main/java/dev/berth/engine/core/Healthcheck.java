package dev.berth.engine.core;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A Docker healthcheck, as an image config and {@code Config.Healthcheck} of a container hold it.
 * A zero duration or retry count means "Docker's default" (the {@code effective…} methods give it),
 * so an image's or a client's zero values survive a round trip unchanged.
 *
 * @param test {@code ["NONE"]}, {@code ["CMD", arg…]}, {@code ["CMD-SHELL", command]}, or empty to
 *             inherit the image's test
 * @see <a href="https://docs.docker.com/reference/dockerfile/#healthcheck">Dockerfile HEALTHCHECK</a>
 */
public record Healthcheck(List<String> test, Duration interval, Duration timeout, Duration startPeriod,
                          Duration startInterval, int retries) {

    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_START_INTERVAL = Duration.ofSeconds(5);
    public static final int DEFAULT_RETRIES = 3;

    public Healthcheck {
        test = List.copyOf(test);
        interval = orZero(interval);
        timeout = orZero(timeout);
        startPeriod = orZero(startPeriod);
        startInterval = orZero(startInterval);
        if (retries < 0) {
            throw new EngineException("invalid healthcheck: retries must not be negative (got " + retries + ")");
        }
        for (Duration d : List.of(interval, timeout, startPeriod, startInterval)) {
            if (d.isNegative()) {
                throw new EngineException("invalid healthcheck: a duration must not be negative (got " + d + ")");
            }
        }
    }

    /** A healthcheck with Docker's nanosecond fields ({@code Interval}, {@code Timeout}, …). */
    public static Healthcheck ofNanos(List<String> test, long interval, long timeout, long startPeriod,
                                      long startInterval, int retries) {
        return new Healthcheck(test, Duration.ofNanos(interval), Duration.ofNanos(timeout),
                Duration.ofNanos(startPeriod), Duration.ofNanos(startInterval), retries);
    }

    /** True when it turns the image's healthcheck off ({@code ["NONE"]}). */
    public boolean disabled() {
        return !test.isEmpty() && test.getFirst().equals("NONE");
    }

    /**
     * This healthcheck over {@code image}'s, as Docker merges them: an empty test and every zero
     * field are taken from the image.
     */
    public Healthcheck over(Healthcheck image) {
        if (image == null) {
            return this;
        }
        return new Healthcheck(test.isEmpty() ? image.test : test, pick(interval, image.interval),
                pick(timeout, image.timeout), pick(startPeriod, image.startPeriod),
                pick(startInterval, image.startInterval), retries == 0 ? image.retries : retries);
    }

    public Duration effectiveInterval() {
        return interval.isZero() ? DEFAULT_INTERVAL : interval;
    }

    public Duration effectiveTimeout() {
        return timeout.isZero() ? DEFAULT_TIMEOUT : timeout;
    }

    public Duration effectiveStartInterval() {
        return startInterval.isZero() ? DEFAULT_START_INTERVAL : startInterval;
    }

    public int effectiveRetries() {
        return retries == 0 ? DEFAULT_RETRIES : retries;
    }

    private static Duration pick(Duration own, Duration image) {
        return own.isZero() ? image : own;
    }

    private static Duration orZero(Duration d) {
        return Objects.requireNonNullElse(d, Duration.ZERO);
    }
}
