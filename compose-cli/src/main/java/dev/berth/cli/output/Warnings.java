package dev.berth.cli.output;

import java.io.PrintWriter;
import java.util.List;

/**
 * Prints warnings for the user on standard error, in Docker Compose's form
 * ({@code WARN[0000] The "X" variable is not set. Defaulting to a blank string.}), so that people
 * and scripts that know Compose's output recognise berth's. Every verb prints its warnings here.
 */
public final class Warnings {

    /** What starts every warning line. */
    public static final String PREFIX = "WARN[0000] ";

    private Warnings() {
    }

    /** Prints each warning, each of its lines prefixed, and flushes. */
    public static void print(PrintWriter err, List<String> warnings) {
        warnings.forEach(w -> w.lines().forEach(line -> err.println(PREFIX + line)));
        err.flush();
    }
}
