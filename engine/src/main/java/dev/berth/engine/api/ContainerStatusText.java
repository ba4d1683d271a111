package dev.berth.engine.api;

import dev.berth.engine.ContainerView;
import java.time.Duration;
import java.time.Instant;

/**
 * The {@code Status} column of {@code docker ps} in Docker's words: {@code Up 2 seconds},
 * {@code Up 5 minutes (Paused)}, {@code Exited (0) 3 seconds ago}, {@code Created}; durations as
 * Docker's human durations ({@code Less than a second}, {@code About a minute}, {@code 3 hours}…).
 */
final class ContainerStatusText {

    private ContainerStatusText() {
    }

    static String of(ContainerView c, Instant now) {
        return switch (c.status()) {
            case "running" -> "Up " + since(c.startedAt(), now);
            case "paused" -> "Up " + since(c.startedAt(), now) + " (Paused)";
            case "exited" -> c.finishedAt() == null ? "Created"
                    : "Exited (" + c.exitCode() + ") " + since(c.finishedAt(), now) + " ago";
            default -> "Created";
        };
    }

    private static String since(String at, Instant now) {
        return at == null ? "Less than a second" : human(Duration.between(Instant.parse(at), now));
    }

    /** Docker's human-readable duration, as the docker CLI prints ages and uptimes. */
    static String human(Duration d) {
        long seconds = d.toSeconds();
        if (seconds < 1) {
            return "Less than a second";
        }
        if (seconds == 1) {
            return "1 second";
        }
        if (seconds < 60) {
            return seconds + " seconds";
        }
        long minutes = d.toMinutes();
        if (minutes == 1) {
            return "About a minute";
        }
        if (minutes < 60) {
            return minutes + " minutes";
        }
        long hours = Math.round(d.toMillis() / 3_600_000.0);
        if (hours == 1) {
            return "About an hour";
        }
        if (hours < 48) {
            return hours + " hours";
        }
        if (hours < 24 * 7 * 2) {
            return hours / 24 + " days";
        }
        if (hours < 24 * 30 * 2) {
            return hours / 24 / 7 + " weeks";
        }
        if (hours < 24 * 365 * 2) {
            return hours / 24 / 30 + " months";
        }
        return hours / 24 / 365 + " years";
    }
}
