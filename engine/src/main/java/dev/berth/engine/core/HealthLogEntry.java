package dev.berth.engine.core;

/**
 * One probe of a healthcheck, as Docker's {@code State.Health.Log[]} shows it.
 *
 * @param start    RFC 3339, when the probe began
 * @param end      RFC 3339, when it ended (or was given up)
 * @param exitCode 0 healthy, 1 unhealthy, any other value counts as a failure; -1 when the probe
 *                 timed out or could not be run
 * @param output   what it wrote (stdout then stderr), at most {@link Health#MAX_OUTPUT} characters
 */
public record HealthLogEntry(String start, String end, int exitCode, String output) {
}
