package dev.berth.planner.units;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.berth.planner.StackException;
import dev.berth.planner.tree.Node;
import dev.berth.planner.tree.ScalarNode;

/**
 * Durations as the Compose Specification writes them ({@code 11-extension.md}: {@code 1h30m},
 * {@code 500ms}, units {@code us ms s m h}, plus {@code ns}), printed back the way Compose prints
 * them: Go's {@code time.Duration.String()} ({@code 1m30s}, {@code 1h0m0s}, {@code 0s}).
 */
public final class Durations {

    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|ms|s|m|h)");

    private Durations() {
    }

    /** Nanoseconds of {@code text}; a bare number counts as seconds. */
    public static long parseNanos(String text) {
        String t = text.trim();
        if (DIGITS.matcher(t).matches()) {
            return Long.parseLong(t) * 1_000_000_000L;
        }
        boolean negative = t.startsWith("-");
        if (negative || t.startsWith("+")) {
            t = t.substring(1);
        }
        if (t.equals("0")) {
            return 0;
        }
        Matcher m = PART.matcher(t);
        int at = 0;
        double total = 0;
        while (at < t.length()) {
            if (!m.find(at) || m.start() != at) {
                throw new IllegalArgumentException("invalid duration");
            }
            total += Double.parseDouble(m.group(1)) * unit(m.group(2));
            at = m.end();
        }
        if (at == 0) {
            throw new IllegalArgumentException("invalid duration");
        }
        long nanos = Math.round(total);
        return negative ? -nanos : nanos;
    }

    private static double unit(String u) {
        return switch (u) {
            case "ns" -> 1;
            case "us", "µs" -> 1e3;
            case "ms" -> 1e6;
            case "s" -> 1e9;
            case "m" -> 60e9;
            default -> 3600e9;
        };
    }

    /** Go's {@code time.Duration.String()} ({@code 1m0s}, {@code 1h0m0s}, {@code 1.5s}), as compose-go's {@code types.Duration} prints. */
    public static String format(long nanos) {
        if (nanos == 0) {
            return "0s";
        }
        String sign = nanos < 0 ? "-" : "";
        long n = Math.abs(nanos);
        if (n < 1_000_000_000L) {
            if (n < 1_000) {
                return sign + n + "ns";
            }
            if (n < 1_000_000) {
                return sign + fraction(n, 1_000) + "µs";
            }
            return sign + fraction(n, 1_000_000) + "ms";
        }
        long hours = n / 3_600_000_000_000L;
        long rest = n % 3_600_000_000_000L;
        long minutes = rest / 60_000_000_000L;
        long secNanos = rest % 60_000_000_000L;
        StringBuilder out = new StringBuilder(sign);
        if (hours > 0) {
            out.append(hours).append('h');
        }
        if (hours > 0 || minutes > 0) {
            out.append(minutes).append('m');
        }
        out.append(fraction(secNanos, 1_000_000_000L)).append('s');
        return out.toString();
    }

    private static String fraction(long value, long unit) {
        long whole = value / unit;
        long frac = value % unit;
        if (frac == 0) {
            return Long.toString(whole);
        }
        // unit + frac is 1 followed by frac's digits, zero-padded to the unit's width
        String digits = Long.toString(unit + frac).substring(1);
        int end = digits.length();
        while (digits.charAt(end - 1) == '0') {
            end--;
        }
        return whole + "." + digits.substring(0, end);
    }

    /**
     * The duration node in canonical text, at the same place and with the same merge directive, or
     * a located error naming the key ({@code path}).
     */
    public static Node canonical(Node node, String path) {
        if (!(node instanceof ScalarNode s) || s.value() == null) {
            return node;
        }
        try {
            return ScalarNode.of(format(parseNanos(s.asText())), s.location()).withDirective(s.directive());
        } catch (IllegalArgumentException e) {
            throw new StackException(s.location() + ": " + path + ": \"" + s.asText()
                    + "\" is not a duration (write it like 10s, 1m30s or 500ms)");
        }
    }
}
