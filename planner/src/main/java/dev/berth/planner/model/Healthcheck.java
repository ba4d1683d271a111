package dev.berth.planner.model;

import java.time.Duration;
import java.util.List;

import dev.berth.planner.tree.MapNode;

/**
 * A service's healthcheck (compose-spec {@code 05-services.md#healthcheck}); durations and
 * retries are null when not given, so the engine's defaults apply.
 *
 * @param test {@code ["CMD", ...]}, {@code ["CMD-SHELL", command]} or {@code ["NONE"]}; empty to inherit the image's
 */
public record Healthcheck(List<String> test, Duration interval, Duration timeout, Duration startPeriod,
                          Duration startInterval, Integer retries) {

    /** True when the healthcheck is switched off ({@code disable: true} or {@code test: [NONE]}). */
    public boolean disabled() {
        return !test.isEmpty() && "NONE".equals(test.getFirst());
    }

    static Healthcheck from(MapNode m) {
        Long retries = Fields.number(m, "retries");
        return new Healthcheck(Fields.stringsOrEmpty(m, "test"), Fields.duration(m, "interval"), Fields.duration(m, "timeout"),
                Fields.duration(m, "start_period"), Fields.duration(m, "start_interval"),
                retries == null ? null : retries.intValue());
    }
}
