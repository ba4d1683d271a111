package dev.berth.engine.core;

/**
 * How to read a container's log ({@code Engine.logs}).
 *
 * @param follow after the log written so far, keep reading as it grows until the container is no
 *               longer running, as {@code docker logs --follow} and an attached {@code docker run}
 */
public record LogsOptions(boolean follow) {
}
