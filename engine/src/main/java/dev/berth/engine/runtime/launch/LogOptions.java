package dev.berth.engine.runtime.launch;

import dev.berth.engine.core.EngineException;
import java.util.Locale;
import java.util.Map;

/**
 * Rotation of the json-file log, as Docker's {@code max-size} and {@code max-file} log options.
 *
 * @param maxSize bytes after which the log rotates; 0 for no limit
 * @param maxFile how many files to keep, the current one included (at least 1)
 */
public record LogOptions(long maxSize, int maxFile) {

    public static final LogOptions UNLIMITED = new LogOptions(0, 1);

    public LogOptions {
        if (maxSize < 0) {
            throw new EngineException("log option max-size must not be negative, got " + maxSize);
        }
        if (maxFile < 1) {
            throw new EngineException("log option max-file must be at least 1, got " + maxFile);
        }
    }

    /** Reads {@code max-size} ("10m", "512k", "1g", bytes) and {@code max-file} from log options. */
    public static LogOptions parse(Map<String, String> options) {
        String size = options.getOrDefault("max-size", "0");
        String file = options.getOrDefault("max-file", "1");
        try {
            return new LogOptions(parseSize(size), Integer.parseInt(file));
        } catch (NumberFormatException e) {
            throw new EngineException("log option max-file \"" + file + "\" is not a number", e);
        }
    }

    static long parseSize(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        long unit = 1;
        if (t.endsWith("b")) {
            t = t.substring(0, t.length() - 1);
        }
        switch (t.isEmpty() ? ' ' : t.charAt(t.length() - 1)) {
            case 'k' -> unit = 1024;
            case 'm' -> unit = 1024 * 1024;
            case 'g' -> unit = 1024L * 1024 * 1024;
            default -> { }
        }
        if (unit > 1) {
            t = t.substring(0, t.length() - 1);
        }
        try {
            return Long.parseLong(t) * unit;
        } catch (NumberFormatException e) {
            throw new EngineException("log option max-size \"" + text
                    + "\" is not a size (expected a number with an optional k, m or g unit)", e);
        }
    }
}
