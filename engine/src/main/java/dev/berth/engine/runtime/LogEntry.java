package dev.berth.engine.runtime;

/**
 * One line of a container's json-file log.
 *
 * @param log    the text, with its trailing newline when the line had one
 * @param stream "stdout" or "stderr"
 * @param time   RFC 3339 with nanoseconds, UTC
 */
public record LogEntry(String log, String stream, String time) {
}
