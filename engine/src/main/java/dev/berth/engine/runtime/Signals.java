package dev.berth.engine.runtime;

import dev.berth.engine.core.EngineException;
import java.util.List;
import java.util.Locale;

/** Signal names and numbers of Linux on x86_64, read as Docker reads {@code --stop-signal} and {@code kill -s}. */
public final class Signals {

    /** Index = signal number; null where Linux has no classic name. */
    private static final List<String> NAMES = List.of("", "HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS",
            "FPE", "KILL", "USR1", "SEGV", "USR2", "PIPE", "ALRM", "TERM", "STKFLT", "CHLD", "CONT", "STOP",
            "TSTP", "TTIN", "TTOU", "URG", "XCPU", "XFSZ", "VTALRM", "PROF", "WINCH", "IO", "PWR", "SYS");
    private static final int SIGRTMAX = 64;

    private Signals() {
    }

    /** Docker's spelling of a signal number: {@code SIGTERM}, or the number when Linux has no classic name for it. */
    public static String name(int signal) {
        return signal > 0 && signal < NAMES.size() ? "SIG" + NAMES.get(signal) : Integer.toString(signal);
    }

    /**
     * The number of {@code text}: a number (1-64), a name with or without {@code SIG}, any case
     * ({@code SIGTERM}, {@code term}, {@code 15}).
     *
     * @throws EngineException {@code Invalid signal: TEXT}
     */
    public static int parse(String text) {
        String t = text.strip().toUpperCase(Locale.ROOT);
        if (t.matches("\\d{1,3}")) {
            int n = Integer.parseInt(t);
            if (n >= 1 && n <= SIGRTMAX) {
                return n;
            }
            throw new EngineException("Invalid signal: " + text);
        }
        String name = t.startsWith("SIG") ? t.substring(3) : t;
        int n = NAMES.indexOf(name);
        if (n <= 0) {
            throw new EngineException("Invalid signal: " + text);
        }
        return n;
    }
}
