package dev.berth.engine.api;

import dev.berth.engine.EngineEvent;
import java.util.List;
import java.util.Set;

/**
 * The {@code filters} of {@code GET /events}, matched as Docker matches them (moby
 * {@code daemon/events/filter.go}): {@code type}, {@code event} and {@code scope} exactly
 * ({@code health_status}, {@code exec_create} and {@code exec_start} as prefixes); {@code
 * container} and {@code volume} by the actor's ID or name or a prefix of either (an event of
 * another type never matches); {@code image} by the image's ID or name, with or without its tag;
 * {@code label} on the actor's attributes, every term holding. Values of one key are alternatives;
 * keys must all hold.
 */
final class EventFilter {

    static final Set<String> KEYS = Set.of("type", "event", "scope", "container", "volume", "image", "label");
    private static final Set<String> PREFIX_EVENTS = Set.of("health_status", "exec_create", "exec_start");

    private final Filters filters;

    private EventFilter(Filters filters) {
        this.filters = filters;
    }

    /**
     * @throws ApiException 400 for a filter name berth does not know, with Docker's wording
     */
    static EventFilter of(Filters filters) {
        return new EventFilter(filters.requireKnown(KEYS));
    }

    boolean includes(EngineEvent e) {
        return matchesEvent(e.action())
                && filters.matchesAny("type", e.type())
                && filters.matchesAny("scope", "local")
                && matchesActor("container", EngineEvent.CONTAINER, e)
                && matchesActor("volume", EngineEvent.VOLUME, e)
                && matchesImage(e)
                && filters.matchesLabels("label", e.attributes());
    }

    private boolean matchesEvent(String action) {
        if (!filters.has("event")) {
            return true;
        }
        List<String> wanted = filters.get("event");
        boolean prefix = wanted.stream().anyMatch(PREFIX_EVENTS::contains);
        return wanted.stream().anyMatch(w -> prefix ? action.startsWith(w) : action.equals(w));
    }

    /** Docker's fuzzy name match: the actor's ID or name equals a value or starts with it. */
    private boolean matchesActor(String key, String type, EngineEvent e) {
        if (!filters.has(key)) {
            return true;
        }
        if (!e.type().equals(type)) {
            return false;
        }
        String name = e.attributes().getOrDefault("name", "");
        return filters.get(key).stream().anyMatch(v -> e.actorId().startsWith(v) || !name.isEmpty() && name.startsWith(v));
    }

    private boolean matchesImage(EngineEvent e) {
        if (!filters.has("image")) {
            return true;
        }
        String name = e.attributes().getOrDefault(e.type().equals(EngineEvent.IMAGE) ? "name" : "image", "");
        List<String> wanted = filters.get("image");
        return wanted.contains(e.actorId()) || wanted.contains(name) || wanted.contains(withoutTag(e.actorId()))
                || wanted.contains(withoutTag(name));
    }

    /** {@code busybox:1.36} and {@code busybox@sha256:…} without tag or digest: {@code busybox}. */
    static String withoutTag(String image) {
        int at = image.indexOf('@');
        String named = at < 0 ? image : image.substring(0, at);
        int colon = named.lastIndexOf(':');
        return colon > named.lastIndexOf('/') ? named.substring(0, colon) : named;
    }
}
