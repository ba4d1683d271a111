package dev.berth.engine.core;

import java.util.function.BooleanSupplier;

/**
 * How to read a container's log ({@code Engine.logs}).
 *
 * @param follow after the log written so far, keep reading as it grows until the container is no
 *               longer running, as {@code docker logs --follow} and an attached {@code docker run}
 * @param stop   when following, checked while waiting for more: true ends the reading early (the
 *               reader has gone, or wants nothing more)
 */
public record LogsOptions(boolean follow, BooleanSupplier stop) {

    public LogsOptions(boolean follow) {
        this(follow, () -> false);
    }
}
