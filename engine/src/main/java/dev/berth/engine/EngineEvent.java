package dev.berth.engine;

import java.util.Map;
import java.util.TreeMap;

/**
 * Something that happened to an object of the engine, as Docker's {@code GET /events} reports it.
 *
 * @param type       {@code container}, {@code image} or {@code volume}
 * @param action     {@code create}, {@code start}, {@code die}, {@code health_status: healthy}, {@code tag}…
 * @param actorId    the object's ID (a volume's name)
 * @param attributes the object's name, image and labels, and what the action adds ({@code exitCode},
 *                   {@code signal}, {@code oldName}…)
 * @param timeNano   when, in nanoseconds since the epoch; unique and increasing within one engine
 */
public record EngineEvent(String type, String action, String actorId, Map<String, String> attributes,
                          long timeNano) {

    public static final String CONTAINER = "container";
    public static final String IMAGE = "image";
    public static final String VOLUME = "volume";

    public EngineEvent {
        attributes = java.util.Collections.unmodifiableMap(new TreeMap<>(attributes));
    }

    /** Seconds since the epoch (Docker's {@code time}). */
    public long time() {
        return Math.floorDiv(timeNano, 1_000_000_000L);
    }
}
