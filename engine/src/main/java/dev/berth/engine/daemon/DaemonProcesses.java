package dev.berth.engine.daemon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Tells a berth daemon's process from any other that may have reused its PID. */
public final class DaemonProcesses {

    private DaemonProcesses() {
    }

    /** True when {@code pid} runs {@code berth engine serve} (by its command line in /proc). */
    public static boolean isBerthDaemon(long pid) {
        List<String> args = commandLine(pid);
        int engine = args.indexOf("engine");
        return engine >= 0 && args.subList(engine, args.size()).contains("serve")
                && args.stream().anyMatch(arg -> arg.contains("berth"));
    }

    /** The command line of {@code pid}, one argument per element; empty when there is no such process. */
    public static List<String> commandLine(long pid) {
        try {
            String raw = new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")), StandardCharsets.UTF_8);
            return raw.isEmpty() ? List.of() : List.of(raw.split("\0"));
        } catch (IOException e) {
            return List.of();
        }
    }
}
