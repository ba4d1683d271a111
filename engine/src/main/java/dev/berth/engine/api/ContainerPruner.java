package dev.berth.engine.api;

import dev.berth.engine.ContainerView;
import dev.berth.engine.Engine;
import dev.berth.engine.runtime.NoSuchContainerException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code POST /containers/prune}: removes every container that is not running (created or exited)
 * and that the filters let through: {@code label} / {@code label!} ({@code key} or
 * {@code key=value}) and {@code until} (created before a time: unix seconds, RFC 3339, or a
 * duration such as {@code 24h} back from now). Answers the removed IDs and the bytes their writable
 * layers held.
 */
final class ContainerPruner {

    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(h|m|s|ms)");

    private ContainerPruner() {
    }

    static ApiResponse prune(Engine engine, QueryParams query) {
        Filters filters = query.filters().requireKnown(Set.of("label", "label!", "until"));
        Instant until = filters.has("until") ? until(filters.get("until").getLast(), Instant.now()) : null;
        List<String> deleted = new ArrayList<>();
        long reclaimed = 0;
        for (ContainerView c : engine.list()) {
            if (c.running() || !filters.matchesLabels("label", c.labels()) || anyLabel(filters, c)
                    || until != null && !Instant.parse(c.created()).isBefore(until)) {
                continue;
            }
            try {
                long size = engine.writableSize(c.id());
                engine.remove(c.id(), false, false);
                deleted.add(c.id());
                reclaimed += size;
            } catch (NoSuchContainerException gone) {
                // removed meanwhile by another request: nothing left to prune
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ContainersDeleted", deleted);
        body.put("SpaceReclaimed", reclaimed);
        return ApiResponse.json(body);
    }

    /** True when the container has any label a {@code label!} term names. */
    private static boolean anyLabel(Filters filters, ContainerView c) {
        for (String term : filters.get("label!")) {
            if (new Filters(Map.of("label", List.of(term))).matchesLabels("label", c.labels())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The {@code until} filter's time, as Docker reads it.
     *
     * @throws ApiException 400 naming the value when it is none of the three forms
     */
    static Instant until(String value, Instant now) {
        if (value.matches("\\d+(\\.\\d+)?")) {
            double seconds = Double.parseDouble(value);
            return Instant.ofEpochSecond((long) seconds, (long) ((seconds % 1) * 1e9));
        }
        Matcher m = DURATION.matcher(value);
        if (!value.isEmpty() && m.replaceAll("").isEmpty()) {
            m.reset();
            Duration back = Duration.ZERO;
            while (m.find()) {
                double n = Double.parseDouble(m.group(1));
                back = back.plusNanos((long) (n * switch (m.group(2)) {
                    case "h" -> 3.6e12;
                    case "m" -> 6e10;
                    case "s" -> 1e9;
                    default -> 1e6;
                }));
            }
            return now.minus(back);
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("invalid filter 'until=" + value + "': expected unix seconds, an RFC 3339"
                    + " time or a duration such as 24h");
        }
    }
}
