package dev.berth.engine.api;

import java.util.regex.Pattern;

/**
 * A Docker Engine API version such as {@code 1.44}, compared number by number as Docker compares
 * them (moby {@code api/types/versions}).
 *
 * @see <a href="https://docs.docker.com/reference/api/engine/#versioned-api-and-sdk">Docker Engine API versioning</a>
 */
public record ApiVersion(String text) implements Comparable<ApiVersion> {

    private static final Pattern SHAPE = Pattern.compile("[0-9][0-9.]*");

    /** The version berth advertises ({@code API-Version} header, {@code ApiVersion} of /version). */
    public static final ApiVersion CURRENT = new ApiVersion("1.44");
    /** The oldest version berth accepts in a {@code /v1.NN} prefix. */
    public static final ApiVersion MINIMUM = new ApiVersion("1.24");

    public ApiVersion {
        if (!SHAPE.matcher(text).matches()) {
            throw new IllegalArgumentException("\"" + text + "\" is not an API version (expected digits and dots, e.g. 1.44)");
        }
    }

    /** True when {@code text} is shaped as Docker's router accepts in a {@code /v{version}} prefix. */
    public static boolean isVersion(String text) {
        return SHAPE.matcher(text).matches();
    }

    @Override
    public int compareTo(ApiVersion other) {
        String[] mine = text.split("\\.");
        String[] theirs = other.text.split("\\.");
        for (int i = 0; i < Math.max(mine.length, theirs.length); i++) {
            long a = i < mine.length ? number(mine[i]) : 0;
            long b = i < theirs.length ? number(theirs[i]) : 0;
            if (a != b) {
                return Long.compare(a, b);
            }
        }
        return 0;
    }

    public boolean isOlderThan(ApiVersion other) {
        return compareTo(other) < 0;
    }

    public boolean isNewerThan(ApiVersion other) {
        return compareTo(other) > 0;
    }

    private static long number(String part) {
        if (part.isEmpty()) {
            return 0;
        }
        try {
            return Long.parseLong(part);
        } catch (NumberFormatException tooLong) {
            return Long.MAX_VALUE;
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
