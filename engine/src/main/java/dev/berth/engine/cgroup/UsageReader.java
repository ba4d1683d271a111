package dev.berth.engine.cgroup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a cgroup's {@link CgroupUsage} from its control files: {@code cpuacct.*}, {@code cpu.stat},
 * {@code memory.*}, {@code pids.*}, {@code blkio.throttle.*} on v1; {@code cpu.stat},
 * {@code memory.*}, {@code pids.*}, {@code io.stat} on v2. A file the host's kernel or mounts do
 * not provide counts as nothing used, as Docker shows it; a file that exists but cannot be read
 * is an error ({@link CgroupException}).
 */
final class UsageReader {

    /** USER_HZ is 100 on every Linux ABI berth runs on: cpuacct.stat counts hundredths of a second. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private UsageReader() {
    }

    static CgroupUsage v1(CgroupFs fs, Map<String, Path> dirs) {
        Path cpuacct = dirs.get("cpuacct");
        Path cpu = dirs.get("cpu");
        Path memory = dirs.get("memory");
        Path pids = dirs.get("pids");
        Path blkio = dirs.get("blkio");
        Map<String, Long> cpuStat = keyed(fs, file(cpu, "cpu.stat"));
        Map<String, Long> ticks = keyed(fs, file(cpuacct, "cpuacct.stat"));
        List<Long> perCpu = new ArrayList<>();
        for (String n : text(fs, file(cpuacct, "cpuacct.usage_percpu")).split("\\s+")) {
            if (!n.isEmpty()) {
                perCpu.add(Long.parseLong(n));
            }
        }
        return new CgroupUsage(number(fs, file(cpuacct, "cpuacct.usage")), perCpu,
                ticks.getOrDefault("user", 0L) * NANOS_PER_TICK, ticks.getOrDefault("system", 0L) * NANOS_PER_TICK,
                cpuStat.getOrDefault("nr_periods", 0L), cpuStat.getOrDefault("nr_throttled", 0L),
                cpuStat.getOrDefault("throttled_time", 0L),
                number(fs, file(memory, "memory.usage_in_bytes")), number(fs, file(memory, "memory.max_usage_in_bytes")),
                limit(text(fs, file(memory, "memory.limit_in_bytes"))), keyed(fs, file(memory, "memory.stat")),
                number(fs, file(pids, "pids.current")), pidsLimit(text(fs, file(pids, "pids.max"))),
                v1Io(fs, file(blkio, "blkio.throttle.io_service_bytes")),
                v1Io(fs, file(blkio, "blkio.throttle.io_serviced")));
    }

    static CgroupUsage v2(CgroupFs fs, Path dir) {
        Map<String, Long> cpuStat = keyed(fs, dir.resolve("cpu.stat"));
        List<CgroupUsage.IoEntry> bytes = new ArrayList<>();
        List<CgroupUsage.IoEntry> ops = new ArrayList<>();
        for (String line : text(fs, dir.resolve("io.stat")).split("\n")) {
            String[] parts = line.strip().split("\\s+");
            if (parts.length < 2 || !parts[0].contains(":")) {
                continue;
            }
            String[] device = parts[0].split(":");
            long major = Long.parseLong(device[0]);
            long minor = Long.parseLong(device[1]);
            Map<String, Long> values = new LinkedHashMap<>();
            for (int i = 1; i < parts.length; i++) {
                int eq = parts[i].indexOf('=');
                if (eq > 0) {
                    values.put(parts[i].substring(0, eq), Long.parseLong(parts[i].substring(eq + 1)));
                }
            }
            bytes.add(new CgroupUsage.IoEntry(major, minor, "read", values.getOrDefault("rbytes", 0L)));
            bytes.add(new CgroupUsage.IoEntry(major, minor, "write", values.getOrDefault("wbytes", 0L)));
            ops.add(new CgroupUsage.IoEntry(major, minor, "read", values.getOrDefault("rios", 0L)));
            ops.add(new CgroupUsage.IoEntry(major, minor, "write", values.getOrDefault("wios", 0L)));
        }
        return new CgroupUsage(cpuStat.getOrDefault("usage_usec", 0L) * 1000, List.of(),
                cpuStat.getOrDefault("user_usec", 0L) * 1000, cpuStat.getOrDefault("system_usec", 0L) * 1000,
                cpuStat.getOrDefault("nr_periods", 0L), cpuStat.getOrDefault("nr_throttled", 0L),
                cpuStat.getOrDefault("throttled_usec", 0L) * 1000,
                number(fs, dir.resolve("memory.current")), number(fs, dir.resolve("memory.peak")),
                limit(text(fs, dir.resolve("memory.max"))), keyed(fs, dir.resolve("memory.stat")),
                number(fs, dir.resolve("pids.current")), pidsLimit(text(fs, dir.resolve("pids.max"))), bytes, ops);
    }

    /** v1 blkio lines {@code 8:0 Read 4096}; the {@code Total} lines are left out, as Docker does. */
    private static List<CgroupUsage.IoEntry> v1Io(CgroupFs fs, Path file) {
        List<CgroupUsage.IoEntry> entries = new ArrayList<>();
        for (String line : text(fs, file).split("\n")) {
            String[] parts = line.strip().split("\\s+");
            if (parts.length == 3 && parts[0].contains(":")) {
                String[] device = parts[0].split(":");
                entries.add(new CgroupUsage.IoEntry(Long.parseLong(device[0]), Long.parseLong(device[1]), parts[1],
                        Long.parseLong(parts[2])));
            }
        }
        return entries;
    }

    private static Path file(Path dir, String name) {
        return dir == null ? null : dir.resolve(name);
    }

    private static String text(CgroupFs fs, Path file) {
        return file == null || !Files.exists(file) ? "" : ControlFiles.read(fs, file);
    }

    private static long number(CgroupFs fs, Path file) {
        String t = text(fs, file);
        return t.isEmpty() ? 0 : Long.parseLong(t);
    }

    private static long limit(String t) {
        return t.isEmpty() || t.equals("max") ? Long.MAX_VALUE : Long.parseLong(t);
    }

    private static long pidsLimit(String t) {
        return t.isEmpty() || t.equals("max") ? 0 : Long.parseLong(t);
    }

    private static Map<String, Long> keyed(CgroupFs fs, Path file) {
        Map<String, Long> values = new LinkedHashMap<>();
        for (String line : text(fs, file).split("\n")) {
            String[] parts = line.strip().split("\\s+");
            if (parts.length == 2 && parts[1].matches("-?\\d+")) {
                values.put(parts[0], Long.parseLong(parts[1]));
            }
        }
        return values;
    }
}
