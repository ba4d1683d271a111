package dev.berth.engine;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One sample of what a container uses, read from its cgroup, in the terms of Docker's stats
 * ({@code docker stats}); all zero for a container that is not running.
 *
 * @param read           when the sample was taken
 * @param systemCpuNanos CPU time of the whole host since boot (all CPUs), for CPU percentages
 * @param onlineCpus     CPUs online on the host
 */
public record ContainerStats(Instant read, Cpu cpu, long systemCpuNanos, int onlineCpus, Memory memory,
                             long pids, long pidsLimit, List<Io> ioBytes, List<Io> ioOps) {

    public ContainerStats {
        ioBytes = List.copyOf(ioBytes);
        ioOps = List.copyOf(ioOps);
    }

    /** CPU time used by the container's processes, in nanoseconds. */
    public record Cpu(long total, List<Long> perCpu, long user, long system, long periods, long throttledPeriods,
                      long throttledNanos) {
        public Cpu {
            perCpu = List.copyOf(perCpu);
        }
    }

    /**
     * Memory in bytes; {@code limit} is the container's limit, or the host's memory when it has none.
     */
    public record Memory(long usage, long maxUsage, long limit, Map<String, Long> stat) {
        public Memory {
            stat = Map.copyOf(stat);
        }
    }

    /** One device's count for one operation ({@code Read}, {@code Write}… as the kernel names it). */
    public record Io(long major, long minor, String op, long value) {
    }
}
