package dev.berth.engine.cgroup;

import java.util.List;
import java.util.Map;

/**
 * What a cgroup has used so far, as its control files report it; 0 (or empty) for what this host's
 * controllers do not report.
 *
 * @param cpuNanos        CPU time of all its processes
 * @param perCpuNanos     per CPU (v1's {@code cpuacct.usage_percpu}); empty on v2
 * @param userNanos       CPU time in user mode
 * @param systemNanos     CPU time in kernel mode
 * @param periods         CFS periods elapsed with a quota set
 * @param throttledPeriods periods in which it was throttled
 * @param throttledNanos  time it was throttled
 * @param memoryBytes     memory in use now (page cache included, as the kernel counts it)
 * @param memoryMaxBytes  the most it used (v1 only)
 * @param memoryLimitBytes its memory limit; {@link Long#MAX_VALUE} for none
 * @param memoryStat      {@code memory.stat}, key by key
 * @param pids            processes (and threads) in it
 * @param pidsLimit       its pids limit; 0 for none
 * @param ioBytes         bytes read and written per device and operation
 * @param ioOps           read and write operations per device and operation
 */
public record CgroupUsage(long cpuNanos, List<Long> perCpuNanos, long userNanos, long systemNanos, long periods,
                          long throttledPeriods, long throttledNanos, long memoryBytes, long memoryMaxBytes,
                          long memoryLimitBytes, Map<String, Long> memoryStat, long pids, long pidsLimit,
                          List<IoEntry> ioBytes, List<IoEntry> ioOps) {

    public CgroupUsage {
        perCpuNanos = List.copyOf(perCpuNanos);
        memoryStat = Map.copyOf(memoryStat);
        ioBytes = List.copyOf(ioBytes);
        ioOps = List.copyOf(ioOps);
    }

    /**
     * One device's count for one operation.
     *
     * @param op as the kernel names it: {@code Read}, {@code Write}… on v1, {@code read}, {@code write} on v2
     */
    public record IoEntry(long major, long minor, String op, long value) {
    }
}
