package dev.berth.engine.runtime;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Docker's defaults for a Linux container (reference/isolation.md section 1.1, moby HEAD). */
final class LinuxDefaults {

    static final String PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
    static final long SHM_SIZE = 64L * 1024 * 1024;
    static final long NOFILE_SOFT = 1024;
    static final long NOFILE_HARD = 524288;

    private static final List<String> MASKED = List.of(
            "/proc/acpi", "/proc/asound", "/proc/interrupts", "/proc/kcore", "/proc/keys",
            "/proc/latency_stats", "/proc/timer_list", "/proc/timer_stats", "/proc/sched_debug",
            "/proc/scsi", "/sys/firmware", "/sys/devices/virtual/powercap");

    private static final List<String> READ_ONLY = List.of(
            "/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger");

    /** Host facts, read once: they do not change while the engine runs. */
    private static final List<String> MASKED_ON_THIS_HOST = List.copyOf(readMaskedPaths());
    private static final long HOST_NOFILE_HARD = readHostNofileHard();

    private LinuxDefaults() {
    }

    /** The moby HEAD list plus each {@code /sys/devices/system/cpu/cpuN/thermal_throttle} of this host. */
    static List<String> maskedPaths() {
        return MASKED_ON_THIS_HOST;
    }

    private static List<String> readMaskedPaths() {
        List<String> paths = new ArrayList<>(MASKED);
        Path cpus = Path.of("/sys/devices/system/cpu");
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(cpus, "cpu[0-9]*")) {
            List<String> throttles = new ArrayList<>();
            for (Path cpu : ds) {
                if (Files.isDirectory(cpu.resolve("thermal_throttle"))) {
                    throttles.add(cpu.resolve("thermal_throttle").toString());
                }
            }
            throttles.sort(null);
            paths.addAll(throttles);
        } catch (IOException e) {
            // no cpu folder in sysfs: nothing of it to mask
        }
        return paths;
    }

    static List<String> readOnlyPaths() {
        return READ_ONLY;
    }

    /** The two sysctls Docker sets in a private network namespace. */
    static Map<String, String> sysctls() {
        return Map.of("net.ipv4.ip_unprivileged_port_start", "0",
                "net.ipv4.ping_group_range", "0 2147483647");
    }

    /**
     * The hard RLIMIT_NOFILE of this process, the ceiling a launcher without CAP_SYS_RESOURCE can
     * set; the JVM raised its own soft limit to it, so the launcher sets limits explicitly.
     */
    static long hostNofileHard() {
        return HOST_NOFILE_HARD;
    }

    private static long readHostNofileHard() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
                if (line.startsWith("Max open files")) {
                    String[] f = line.substring("Max open files".length()).trim().split("\\s+");
                    return f[1].equals("unlimited") ? Long.MAX_VALUE : Long.parseLong(f[1]);
                }
            }
        } catch (IOException | RuntimeException e) {
            return NOFILE_HARD;
        }
        return NOFILE_HARD;
    }
}
