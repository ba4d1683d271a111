package dev.berth.engine.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** What /version and /info tell about the machine: kernel, OS, architecture, memory, CPUs, host name. */
public record HostFacts(String kernelVersion, String operatingSystem, String osVersion, String goArch,
                        String machine, long memTotal, int cpus, String hostname, String cgroupVersion) {

    /** Reads this machine's facts from /proc and /etc/os-release; an unreadable one reads as unknown. */
    public static HostFacts current() {
        String kernel = read("/proc/sys/kernel/osrelease", "unknown");
        String arch = System.getProperty("os.arch", "unknown");
        return new HostFacts(kernel, osRelease("PRETTY_NAME", "Linux"), osRelease("VERSION_ID", ""),
                goArch(arch), machine(arch), readMemTotal(), java.lang.Runtime.getRuntime().availableProcessors(),
                read("/proc/sys/kernel/hostname", "localhost"),
                Files.exists(Path.of("/sys/fs/cgroup/cgroup.controllers")) ? "2" : "1");
    }

    /** Go's name for the architecture, as Docker reports it in {@code Arch}. */
    static String goArch(String javaArch) {
        return switch (javaArch.toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64" -> "amd64";
            case "aarch64", "arm64" -> "arm64";
            default -> javaArch;
        };
    }

    /** The kernel's name for the architecture ({@code uname -m}), as Docker reports it in {@code Architecture}. */
    static String machine(String javaArch) {
        return switch (javaArch.toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch64";
            default -> javaArch;
        };
    }

    private static long readMemTotal() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // unknown: 0, never null (Testcontainers dereferences MemTotal)
        }
        return 0;
    }

    private static String osRelease(String key, String fallback) {
        try {
            for (String line : Files.readAllLines(Path.of("/etc/os-release"))) {
                if (line.startsWith(key + "=")) {
                    return line.substring(key.length() + 1).replaceAll("^\"|\"$", "");
                }
            }
        } catch (IOException e) {
            // unknown
        }
        return fallback;
    }

    private static String read(String file, String fallback) {
        try {
            return Files.readString(Path.of(file)).strip();
        } catch (IOException e) {
            return fallback;
        }
    }
}
