package dev.berth.engine;

import dev.berth.engine.core.EngineException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The host's CPU and memory totals that Docker's stats put beside a container's: CPU time of all
 * CPUs since boot ({@code system_cpu_usage}), the CPUs online and the memory of the machine (the
 * limit shown for a container without one).
 */
final class HostCpu {

    /** USER_HZ is 100 on every Linux ABI berth runs on: /proc/stat counts hundredths of a second. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private final Path proc;

    HostCpu(Path proc) {
        this.proc = proc;
    }

    /** The sum of the {@code cpu} line of /proc/stat, in nanoseconds. */
    long systemNanos() {
        for (String line : read("stat").split("\n")) {
            if (line.startsWith("cpu ")) {
                long ticks = 0;
                // user nice system idle iowait irq softirq steal; guest time is counted in user already
                String[] f = line.substring(4).strip().split("\\s+");
                for (int i = 0; i < Math.min(8, f.length); i++) {
                    ticks += Long.parseLong(f[i]);
                }
                return ticks * NANOS_PER_TICK;
            }
        }
        throw new EngineException("cannot find the cpu line in " + proc.resolve("stat"));
    }

    /** The {@code cpuN} lines of /proc/stat: one per online CPU. */
    int onlineCpus() {
        int n = 0;
        for (String line : read("stat").split("\n")) {
            if (line.startsWith("cpu") && line.length() > 3 && Character.isDigit(line.charAt(3))) {
                n++;
            }
        }
        return Math.max(n, 1);
    }

    /** MemTotal of /proc/meminfo in bytes. */
    long memoryBytes() {
        for (String line : read("meminfo").split("\n")) {
            if (line.startsWith("MemTotal:")) {
                return Long.parseLong(line.substring(9).strip().split("\\s+")[0]) * 1024;
            }
        }
        throw new EngineException("cannot find MemTotal in " + proc.resolve("meminfo"));
    }

    private String read(String file) {
        try {
            return Files.readString(proc.resolve(file));
        } catch (IOException e) {
            throw new EngineException("cannot read " + proc.resolve(file) + ": " + e.getMessage(), e);
        }
    }
}
