package dev.berth.engine.cgroup;

import dev.berth.engine.core.NanoCpus;
import dev.berth.engine.core.ByteSize;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * The resource limits of one container, with Docker's {@code HostConfig} conventions: a value of
 * 0 (or an empty string) means "not set", so nothing is written and the kernel default stays.
 *
 * @param memoryBytes            hard memory limit (memory.limit_in_bytes / memory.max)
 * @param memorySwapBytes        memory plus swap: -1 unlimited, 0 not set, else at least the memory
 *                               limit (memory.memsw.limit_in_bytes / memory.swap.max = this − memory)
 * @param memoryReservationBytes soft limit (memory.soft_limit_in_bytes / memory.low)
 * @param nanoCpus               CPUs × 10⁹; applied as a CFS quota over a 100000 µs period
 * @param cpuShares              relative weight, clamped to [2, 262144] as Docker does
 * @param cpusetCpus             CPUs allowed, as a list such as {@code 0-2,4}
 * @param cpusetMems             memory nodes allowed, same syntax
 * @param pidsLimit              runc's rule: empty = not set, a positive limit as is, 0 becomes 1
 *                               and a negative value becomes {@code max}
 */
public record ResourceLimits(long memoryBytes, long memorySwapBytes, long memoryReservationBytes,
                             long nanoCpus, long cpuShares, String cpusetCpus, String cpusetMems,
                             OptionalLong pidsLimit) {

    /** No limit at all. */
    public static final ResourceLimits NONE =
            new ResourceLimits(0, 0, 0, 0, 0, "", "", OptionalLong.empty());

    /** The CFS period berth uses, as Docker and runc do for {@code --cpus}. */
    public static final long CPU_PERIOD_US = 100_000;

    static final long MIN_MEMORY = 6L * 1024 * 1024;
    static final long MIN_CPU_SHARES = 2;
    static final long MAX_CPU_SHARES = 262_144;
    private static final Pattern CPU_LIST = Pattern.compile("^\\d+(-\\d+)?(,\\d+(-\\d+)?)*$");

    /** Validates what can be checked without the host, with Docker's messages. */
    public ResourceLimits {
        cpusetCpus = cpusetCpus == null ? "" : cpusetCpus;
        cpusetMems = cpusetMems == null ? "" : cpusetMems;
        pidsLimit = pidsLimit == null ? OptionalLong.empty() : pidsLimit;
        if (memoryBytes != 0 && memoryBytes < MIN_MEMORY) {
            throw new IllegalArgumentException("Minimum memory limit allowed is 6MB");
        }
        if (memorySwapBytes < -1) {
            throw new IllegalArgumentException("invalid memory+swap limit " + memorySwapBytes
                    + ": use -1 for unlimited swap or a size of at least the memory limit");
        }
        if (memoryBytes == 0 && memorySwapBytes > 0) {
            throw new IllegalArgumentException(
                    "You should always set the Memory limit when using Memoryswap limit, see usage");
        }
        if (memoryBytes > 0 && memorySwapBytes > 0 && memorySwapBytes < memoryBytes) {
            throw new IllegalArgumentException(
                    "Minimum memoryswap limit should be larger than memory limit, see usage");
        }
        if (memoryReservationBytes != 0 && memoryReservationBytes < MIN_MEMORY) {
            throw new IllegalArgumentException("Minimum memory reservation allowed is 6MB");
        }
        if (memoryBytes > 0 && memoryReservationBytes > 0 && memoryBytes < memoryReservationBytes) {
            throw new IllegalArgumentException(
                    "Minimum memory limit can not be less than memory reservation limit, see usage");
        }
        if (nanoCpus < 0) {
            throw new IllegalArgumentException("invalid CPU count " + nanoCpus
                    + " nano CPUs: it must be positive");
        }
        if (!cpusetCpus.isEmpty() && !CPU_LIST.matcher(cpusetCpus).matches()) {
            throw new IllegalArgumentException("Invalid value " + cpusetCpus + " for cpuset cpus");
        }
        if (!cpusetMems.isEmpty() && !CPU_LIST.matcher(cpusetMems).matches()) {
            throw new IllegalArgumentException("Invalid value " + cpusetMems + " for cpuset mems");
        }
    }

    /** Starts a builder that parses the textual forms of the CLI and compose files. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Checks the CPU count against the host, with Docker's message.
     *
     * @throws IllegalArgumentException when {@code --cpus} is below 0.01 or above the host's CPUs
     */
    public ResourceLimits requireCpusAvailable(int hostCpus) {
        if (nanoCpus != 0 && (nanoCpus < 10_000_000 || nanoCpus > hostCpus * 1_000_000_000L)) {
            throw new IllegalArgumentException("Range of CPUs is from 0.01 to " + hostCpus
                    + ".00, as there are only " + hostCpus + " CPUs available");
        }
        return this;
    }

    /**
     * Docker's default when only memory is limited: memory + swap is twice the memory
     * ({@code adaptContainerSettings} in moby). Returns this record unchanged otherwise.
     */
    public ResourceLimits withDockerSwapDefault() {
        if (memoryBytes > 0 && memorySwapBytes == 0) {
            return new ResourceLimits(memoryBytes, 2 * memoryBytes, memoryReservationBytes, nanoCpus,
                    cpuShares, cpusetCpus, cpusetMems, pidsLimit);
        }
        return this;
    }

    /** The CFS quota in µs for {@link #CPU_PERIOD_US}, or 0 when no CPU count is set. */
    public long cpuQuotaUs() {
        return nanoCpus * CPU_PERIOD_US / 1_000_000_000L;
    }

    /** The shares actually written: 0 when unset, else clamped to the kernel's range like Docker. */
    public long effectiveCpuShares() {
        if (cpuShares == 0) {
            return 0;
        }
        return Math.clamp(cpuShares, MIN_CPU_SHARES, MAX_CPU_SHARES);
    }

    /** The text for pids.max under runc's rules, if a limit is set. */
    public java.util.Optional<String> pidsMax() {
        if (pidsLimit.isEmpty()) {
            return java.util.Optional.empty();
        }
        long limit = pidsLimit.getAsLong();
        return java.util.Optional.of(limit > 0 ? Long.toString(limit) : limit == 0 ? "1" : "max");
    }

    /** The controllers these limits write to, in the order the cgroup managers check them. */
    List<String> controllersNeeded() {
        List<String> needed = new ArrayList<>();
        if (memoryBytes > 0 || memoryReservationBytes > 0) {
            needed.add("memory");
        }
        if (nanoCpus > 0 || cpuShares != 0) {
            needed.add("cpu");
        }
        if (!cpusetCpus.isEmpty() || !cpusetMems.isEmpty()) {
            needed.add("cpuset");
        }
        if (pidsLimit.isPresent()) {
            needed.add("pids");
        }
        return needed;
    }

    /** Accumulates limits given as text; each setter puts the raw input in its error. */
    public static final class Builder {
        private long memory;
        private long memorySwap;
        private long memoryReservation;
        private long nanoCpus;
        private long cpuShares;
        private String cpusetCpus = "";
        private String cpusetMems = "";
        private OptionalLong pidsLimit = OptionalLong.empty();

        private Builder() {
        }

        /** {@code -m 256m}. */
        public Builder memory(String size) {
            memory = ByteSize.parse(size);
            return this;
        }

        public Builder memoryBytes(long bytes) {
            memory = bytes;
            return this;
        }

        /** {@code --memory-swap}: a size of memory + swap, or {@code -1} for unlimited swap. */
        public Builder memorySwap(String size) {
            memorySwap = size.strip().equals("-1") ? -1 : ByteSize.parse(size);
            return this;
        }

        /** {@code --memory-reservation}. */
        public Builder memoryReservation(String size) {
            memoryReservation = ByteSize.parse(size);
            return this;
        }

        /**
         * {@code --cpus 0.5}: a decimal number of CPUs with at most nine decimals.
         *
         * @throws IllegalArgumentException {@code failed to parse TEXT as a rational number} or
         *                                  {@code value is too precise}
         */
        public Builder cpus(String cpus) {
            nanoCpus = NanoCpus.parse(cpus);
            return this;
        }

        public Builder nanoCpus(long nanos) {
            nanoCpus = nanos;
            return this;
        }

        public Builder cpuShares(long shares) {
            cpuShares = shares;
            return this;
        }

        public Builder cpusetCpus(String cpus) {
            cpusetCpus = cpus;
            return this;
        }

        public Builder cpusetMems(String mems) {
            cpusetMems = mems;
            return this;
        }

        /** Under runc's rules: 0 becomes 1 and a negative value means no limit ("max"). */
        public Builder pidsLimit(long limit) {
            pidsLimit = OptionalLong.of(limit);
            return this;
        }

        /**
         * Docker's {@code --pids-limit} / API {@code PidsLimit}: 0 and -1 both mean unlimited
         * there, unlike runc's rule for 0, so both become {@code max}.
         */
        public Builder dockerPidsLimit(long limit) {
            pidsLimit = OptionalLong.of(limit > 0 ? limit : -1);
            return this;
        }

        /** Validates and returns the limits. */
        public ResourceLimits build() {
            return new ResourceLimits(memory, memorySwap, memoryReservation, nanoCpus, cpuShares,
                    cpusetCpus, cpusetMems, pidsLimit);
        }
    }
}
