package dev.berth.engine.runtime.launch;

import dev.berth.engine.core.EngineException;
import java.util.Locale;
import java.util.Map;

/**
 * A resource limit the launcher sets with setrlimit(2) before exec.
 *
 * @param name Docker's ulimit name ({@code nofile}, {@code nproc}, ...)
 * @param soft the soft limit, -1 for unlimited
 * @param hard the hard limit, -1 for unlimited
 */
public record Rlimit(String name, long soft, long hard) {

    /** Docker's ulimit names and the x86_64 RLIMIT_* numbers. */
    private static final Map<String, Integer> RESOURCES = Map.ofEntries(
            Map.entry("cpu", 0), Map.entry("fsize", 1), Map.entry("data", 2), Map.entry("stack", 3),
            Map.entry("core", 4), Map.entry("rss", 5), Map.entry("nproc", 6), Map.entry("nofile", 7),
            Map.entry("memlock", 8), Map.entry("as", 9), Map.entry("locks", 10),
            Map.entry("sigpending", 11), Map.entry("msgqueue", 12), Map.entry("nice", 13),
            Map.entry("rtprio", 14), Map.entry("rttime", 15));

    public Rlimit {
        name = name.toLowerCase(Locale.ROOT);
        if (!RESOURCES.containsKey(name)) {
            throw new EngineException("ulimit \"" + name + "\" is not a known resource (expected one of "
                    + RESOURCES.keySet().stream().sorted().toList() + ")");
        }
        if (soft != -1 && hard != -1 && soft > hard) {
            throw new EngineException("ulimit " + name + ": soft limit " + soft
                    + " is greater than the hard limit " + hard);
        }
    }

    /** Parses Docker's {@code --ulimit} form {@code name=soft[:hard]}. */
    public static Rlimit parse(String text) {
        int eq = text.indexOf('=');
        if (eq <= 0) {
            throw new EngineException("ulimit \"" + text + "\" is not NAME=SOFT[:HARD]");
        }
        String values = text.substring(eq + 1);
        int colon = values.indexOf(':');
        try {
            long soft = Long.parseLong(colon < 0 ? values : values.substring(0, colon));
            long hard = colon < 0 ? soft : Long.parseLong(values.substring(colon + 1));
            return new Rlimit(text.substring(0, eq), soft, hard);
        } catch (NumberFormatException e) {
            throw new EngineException("ulimit \"" + text + "\" is not NAME=SOFT[:HARD] with numbers", e);
        }
    }

    /** The RLIMIT_* number. */
    public int resource() {
        return RESOURCES.get(name);
    }
}
