package dev.berth.engine.cgroup;

/**
 * Converts v1 {@code cpu.shares} to v2 {@code cpu.weight} with the quadratic-in-log formula runc
 * and crun use today, which maps the defaults onto each other (1024 → 100) and the range
 * [2, 262144] onto [1, 10000]; the older linear formula mapped 1024 to 39.
 */
final class CpuWeight {

    private CpuWeight() {
    }

    /** 0 for 0 (not set), else the weight for {@code shares}. */
    static long fromShares(long shares) {
        if (shares == 0) {
            return 0;
        }
        if (shares <= 2) {
            return 1;
        }
        if (shares >= 262_144) {
            return 10_000;
        }
        double log2 = log2(shares);
        double exponent = (log2 * log2 + 125 * log2) / 612.0 - 7.0 / 34.0;
        return (long) Math.ceil(Math.pow(10, exponent));
    }

    /** Exact for powers of two, like Go's math.Log2, so 1024 gives exactly 100. */
    private static double log2(long value) {
        int exponent = 63 - Long.numberOfLeadingZeros(value);
        double fraction = value / Math.scalb(1.0, exponent);
        return fraction == 1.0 ? exponent : exponent + Math.log(fraction) / Math.log(2);
    }
}
