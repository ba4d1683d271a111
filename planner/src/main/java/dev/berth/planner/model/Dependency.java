package dev.berth.planner.model;

import dev.berth.planner.tree.MapNode;

/**
 * One {@code depends_on} entry (compose-spec {@code 05-services.md#depends_on}).
 *
 * @param required false when a missing or failed dependency only warns
 * @param restart true when the dependent is restarted along with the dependency
 */
public record Dependency(Condition condition, boolean required, boolean restart) {

    /** What the dependent waits for before it starts. */
    public enum Condition {
        SERVICE_STARTED("service_started"),
        SERVICE_HEALTHY("service_healthy"),
        SERVICE_COMPLETED_SUCCESSFULLY("service_completed_successfully");

        private final String key;

        Condition(String key) {
            this.key = key;
        }

        /** The name used in stack files. */
        public String key() {
            return key;
        }

        public static Condition of(String key) {
            for (Condition c : values()) {
                if (c.key.equals(key)) {
                    return c;
                }
            }
            return SERVICE_STARTED;
        }
    }

    static Dependency from(MapNode m) {
        Boolean required = Fields.optionalFlag(m, "required");
        return new Dependency(Condition.of(Fields.string(m, "condition")), required == null || required, Fields.flag(m, "restart"));
    }
}
