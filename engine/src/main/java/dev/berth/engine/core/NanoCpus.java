package dev.berth.engine.core;

import java.math.BigDecimal;

/** A CPU count such as {@code 0.5} in billionths of a CPU, as Docker's {@code --cpus} and {@code NanoCpus} hold it. */
public final class NanoCpus {

    private NanoCpus() {
    }

    /**
     * Parses a decimal CPU count exactly.
     *
     * @throws IllegalArgumentException with Docker's words when it is no number or finer than 1e-9
     */
    public static long parse(String cpus) {
        BigDecimal value;
        try {
            value = new BigDecimal(cpus.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("failed to parse " + cpus + " as a rational number", e);
        }
        BigDecimal nanos = value.movePointRight(9);
        if (nanos.stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException("value is too precise");
        }
        return nanos.longValueExact();
    }
}
