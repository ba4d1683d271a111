package dev.berth.engine.runtime;

/**
 * How to read a container's log ({@link Runtime#logs(String, LogsOptions, LogSink)}).
 *
 * @param follow after the log written so far, keep reading as it grows until the container is no
 *               longer running, as {@code docker logs --follow} and an attached {@code docker run}
 */
public record LogsOptions(boolean follow) {
}
