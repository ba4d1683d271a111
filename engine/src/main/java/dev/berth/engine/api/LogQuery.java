package dev.berth.engine.api;

import java.time.DateTimeException;
import java.time.Instant;

/**
 * The parameters of {@code GET /containers/{id}/logs} (and of an attach's history), validated
 * before anything streams, as Docker does: errors cannot be sent once the 200 is.
 *
 * @param stdout     include what the container wrote to stdout
 * @param stderr     include what it wrote to stderr
 * @param follow     keep streaming until the container stops or the client goes
 * @param tail       the number of entries to show from the end of the log written so far; -1 for all
 * @param timestamps prefix each entry with its time (RFC 3339, nine fraction digits) and a space
 * @param since      only entries at or after this time; null for no bound
 * @param until      only entries at or before this time; null for no bound
 */
record LogQuery(boolean stdout, boolean stderr, boolean follow, int tail, boolean timestamps, Instant since,
                Instant until) {

    /**
     * Reads the query of a logs request.
     *
     * @throws ApiException 400 when it asks for no stream, or {@code since}/{@code until} are not unix times
     */
    static LogQuery parse(QueryParams query) {
        boolean stdout = query.bool("stdout");
        boolean stderr = query.bool("stderr");
        if (!stdout && !stderr) {
            throw ApiException.badRequest("Bad parameters: you must choose at least one stream");
        }
        return new LogQuery(stdout, stderr, query.bool("follow"), tail(query.get("tail").orElse("all")),
                query.bool("timestamps"), time(query, "since"), time(query, "until"));
    }

    /** {@code all}, a negative number or anything that is not a number means all, as moby reads it. */
    static int tail(String value) {
        try {
            return Math.max(-1, Integer.parseInt(value));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * A unix time in seconds with an optional fraction ({@code 1700000000}, {@code 1700000000.5});
     * absent, empty or 0 means no bound.
     *
     * @throws ApiException 400 naming the parameter and the value otherwise
     */
    static Instant time(QueryParams query, String name) {
        String value = query.get(name).orElse("");
        if (value.isEmpty()) {
            return null;
        }
        String[] parts = value.split("\\.", -1);
        try {
            if (parts.length > 2 || parts[0].isEmpty() || parts.length == 2 && (parts[1].isEmpty()
                    || parts[1].length() > 9 || !parts[1].chars().allMatch(Character::isDigit))) {
                throw new NumberFormatException(value);
            }
            long seconds = Long.parseLong(parts[0]);
            long nanos = parts.length == 2 ? Long.parseLong((parts[1] + "000000000").substring(0, 9)) : 0;
            if (seconds == 0 && nanos == 0) {
                return null;
            }
            return Instant.ofEpochSecond(seconds, seconds < 0 ? -nanos : nanos);
        } catch (NumberFormatException | DateTimeException e) {
            throw ApiException.badRequest("invalid value for " + name + ": \"" + value
                    + "\" is not a unix time in seconds (e.g. 1700000000 or 1700000000.5)");
        }
    }
}
