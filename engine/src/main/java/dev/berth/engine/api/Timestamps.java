package dev.berth.engine.api;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A point in time as Docker's filters and {@code since}/{@code until} parameters take it
 * (moby {@code timetypes.GetTimestamp}): a Go duration before now ({@code 24h}, {@code 1h30m},
 * {@code 90s}), Unix seconds with an optional fraction, an RFC 3339 date and time, or a date
 * ({@code 2006-01-02}, as UTC).
 */
final class Timestamps {

    private static final Pattern DURATION_PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s|m|h)");
    private static final Pattern UNIX = Pattern.compile("\\d+(\\.\\d{1,9})?");

    private Timestamps() {
    }

    /**
     * @param what names the parameter in the error ({@code until filter})
     * @throws ApiException 400 naming the value when it is none of the accepted forms
     */
    static Instant parse(String value, Instant now, String what) {
        if (UNIX.matcher(value).matches()) {
            BigDecimal seconds = new BigDecimal(value);
            return Instant.ofEpochSecond(seconds.longValue(),
                    seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue());
        }
        Duration duration = duration(value);
        if (duration != null) {
            return now.minus(duration);
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            // not with an offset: try the forms without one
        }
        try {
            return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            // not a local date and time either
        }
        try {
            return LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("invalid " + what + " \"" + value + "\": expected a duration such as 24h,"
                    + " Unix seconds, or a date such as 2006-01-02T15:04:05Z");
        }
    }

    private static Duration duration(String value) {
        Matcher m = DURATION_PART.matcher(value);
        int at = 0;
        Duration total = Duration.ZERO;
        while (at < value.length() && m.find(at) && m.start() == at) {
            BigDecimal amount = new BigDecimal(m.group(1));
            long nanosPerUnit = switch (m.group(2)) {
                case "ns" -> 1L;
                case "us", "µs" -> 1_000L;
                case "ms" -> 1_000_000L;
                case "s" -> 1_000_000_000L;
                case "m" -> 60_000_000_000L;
                default -> 3_600_000_000_000L;
            };
            total = total.plusNanos(amount.multiply(BigDecimal.valueOf(nanosPerUnit)).longValue());
            at = m.end();
        }
        return at == value.length() && at > 0 ? total : null;
    }
}
