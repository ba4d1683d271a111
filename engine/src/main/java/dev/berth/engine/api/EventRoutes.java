package dev.berth.engine.api;

import dev.berth.engine.EngineEvent;
import dev.berth.engine.EventBus;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /events}: the engine's events as Docker streams them, one JSON object per line, the
 * headers sent at once (engine-api.md §1, §2.4). {@code since} replays the kept history (the last
 * {@link EventBus#HISTORY} events) from that time; {@code until} ends the stream at that time (at
 * once after the replay when it is past); otherwise it runs until the client leaves. {@code
 * filters} as {@link EventFilter}.
 *
 * @see <a href="https://docs.docker.com/reference/api/engine/version/v1.44/#tag/System/operation/SystemEvents">Docker Engine API 1.44: Monitor events</a>
 */
public final class EventRoutes implements RouteGroup {

    /** New events that may wait for a slow client before its stream is ended. */
    static final int CLIENT_BACKLOG = 4096;

    private final EventBus events;

    public EventRoutes(EventBus events) {
        this.events = events;
    }

    @Override
    public void register(Router router) {
        router.get("/events", this::events);
    }

    private ApiResponse events(ApiRequest request) {
        // everything is checked before the 200 goes out: an error cannot follow it
        EventFilter filter = EventFilter.of(request.query().filters());
        Long since = timestamp(request, "since");
        Long until = timestamp(request, "until");
        // as Docker: the history is replayed when either bound is given; until alone replays all of it
        long sinceNanos = since != null ? since : until != null ? Long.MIN_VALUE : Long.MAX_VALUE;
        long liveFrom = since == null ? Long.MIN_VALUE : since;
        long untilNanos = until == null ? Long.MAX_VALUE : until;
        // subscribed before the headers go out: a client that acts once it has them misses nothing
        EventBus.Subscription subscribed = events.subscribe(sinceNanos, CLIENT_BACKLOG);
        return ApiResponse.stream(Responses.JSON, sink -> {
            try (EventBus.Subscription subscription = subscribed) {
                sink.onClose(subscription::close);
                for (EngineEvent e : subscription.replay()) {
                    if (e.timeNano() > untilNanos) {
                        return;
                    }
                    if (filter.includes(e)) {
                        sink.writeJsonLine(json(e));
                    }
                }
                while (sink.isOpen()) {
                    long left = untilNanos == Long.MAX_VALUE ? Long.MAX_VALUE : untilNanos - nowNanos();
                    if (left <= 0) {
                        return;
                    }
                    EngineEvent e = subscription.next(left);
                    if (e == null) {
                        if (subscription.ended()) {
                            return;
                        }
                        continue;
                    }
                    if (e.timeNano() > untilNanos) {
                        return;
                    }
                    // a since in the future holds back the events before it
                    if (e.timeNano() >= liveFrom && filter.includes(e)) {
                        sink.writeJsonLine(json(e));
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private static long nowNanos() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    /**
     * Docker's timestamp parameter: unix seconds with an optional fraction ({@code 1700000000},
     * {@code 1700000000.5}, {@code 1700000000.000000001}); null when absent.
     *
     * @throws ApiException 400 naming the parameter and the value when it is not one
     */
    static Long timestamp(ApiRequest request, String name) {
        String value = request.query().get(name).orElse("");
        if (value.isEmpty()) {
            return null;
        }
        return parseTimestamp(name, value);
    }

    static long parseTimestamp(String name, String value) {
        try {
            int dot = value.indexOf('.');
            long seconds = Long.parseLong(dot < 0 ? value : value.substring(0, dot));
            long nanos = 0;
            if (dot >= 0) {
                String fraction = value.substring(dot + 1);
                if (fraction.isEmpty() || fraction.length() > 9 || !fraction.chars().allMatch(Character::isDigit)) {
                    throw new NumberFormatException(value);
                }
                nanos = Long.parseLong((fraction + "000000000").substring(0, 9));
            }
            return Math.addExact(Math.multiplyExact(seconds, 1_000_000_000L), nanos);
        } catch (NumberFormatException | ArithmeticException e) {
            throw ApiException.badRequest("invalid value for " + name + ": \"" + value
                    + "\" is not a unix timestamp (seconds, optionally with a fraction: 1700000000.5)");
        }
    }

    /** Docker's event JSON; {@code status}, {@code id} and {@code from} are its older fields, kept for old clients. */
    static Map<String, Object> json(EngineEvent e) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (e.type().equals(EngineEvent.CONTAINER) || e.type().equals(EngineEvent.IMAGE)) {
            m.put("status", e.action());
            m.put("id", e.actorId());
        }
        if (e.type().equals(EngineEvent.CONTAINER)) {
            m.put("from", e.attributes().getOrDefault("image", ""));
        }
        m.put("Type", e.type());
        m.put("Action", e.action());
        Map<String, Object> actor = new LinkedHashMap<>();
        actor.put("ID", e.actorId());
        actor.put("Attributes", e.attributes());
        m.put("Actor", actor);
        m.put("scope", "local");
        m.put("time", e.time());
        m.put("timeNano", e.timeNano());
        return m;
    }
}
