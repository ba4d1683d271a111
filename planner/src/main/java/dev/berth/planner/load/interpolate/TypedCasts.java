package dev.berth.planner.load.interpolate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import dev.berth.planner.StackException;
import dev.berth.planner.tree.ScalarNode;

/**
 * The numeric and boolean fields whose interpolated text becomes a typed value, as compose-go's
 * {@code loader/interpolate.go} lists them. A pattern segment {@code *} matches any mapping key,
 * {@code []} any sequence item.
 */
final class TypedCasts {

    /** The type a field is cast to. */
    enum Kind { INT, FLOAT, BOOL }

    private static final Map<String, Kind> SERVICE_FIELDS = Map.ofEntries(
            Map.entry("cpu_count", Kind.INT),
            Map.entry("cpu_percent", Kind.FLOAT),
            Map.entry("cpu_period", Kind.INT),
            Map.entry("cpu_quota", Kind.INT),
            Map.entry("cpu_rt_period", Kind.INT),
            Map.entry("cpu_rt_runtime", Kind.INT),
            Map.entry("cpus", Kind.FLOAT),
            Map.entry("cpu_shares", Kind.INT),
            Map.entry("init", Kind.BOOL),
            Map.entry("oom_kill_disable", Kind.BOOL),
            Map.entry("oom_score_adj", Kind.INT),
            Map.entry("pids_limit", Kind.INT),
            Map.entry("privileged", Kind.BOOL),
            Map.entry("read_only", Kind.BOOL),
            Map.entry("ulimits.*", Kind.INT),
            Map.entry("ulimits.*.hard", Kind.INT),
            Map.entry("ulimits.*.soft", Kind.INT),
            Map.entry("volumes.[].read_only", Kind.BOOL),
            Map.entry("volumes.[].volume.nocopy", Kind.BOOL),
            Map.entry("depends_on.*.required", Kind.BOOL),
            Map.entry("depends_on.*.restart", Kind.BOOL),
            Map.entry("healthcheck.retries", Kind.INT),
            Map.entry("healthcheck.disable", Kind.BOOL),
            Map.entry("ports.[].target", Kind.INT),
            Map.entry("stdin_open", Kind.BOOL),
            Map.entry("tty", Kind.BOOL),
            Map.entry("deploy.replicas", Kind.INT),
            Map.entry("deploy.update_config.parallelism", Kind.INT),
            Map.entry("deploy.update_config.max_failure_ratio", Kind.FLOAT),
            Map.entry("deploy.rollback_config.parallelism", Kind.INT),
            Map.entry("deploy.rollback_config.max_failure_ratio", Kind.FLOAT),
            Map.entry("deploy.restart_policy.max_attempts", Kind.INT),
            Map.entry("deploy.placement.max_replicas_per_node", Kind.INT),
            Map.entry("scale", Kind.INT));

    private static final Map<String, Kind> RESOURCE_FIELDS = Map.of(
            "networks.*.external", Kind.BOOL,
            "networks.*.internal", Kind.BOOL,
            "networks.*.attachable", Kind.BOOL,
            "networks.*.enable_ipv4", Kind.BOOL,
            "networks.*.enable_ipv6", Kind.BOOL,
            "volumes.*.external", Kind.BOOL,
            "secrets.*.external", Kind.BOOL,
            "configs.*.external", Kind.BOOL);

    /**
     * The tables with their patterns split once, in a fixed order, by their last segment ({@code *}
     * for patterns ending in one): most values are no typed field, and are told so by one lookup.
     */
    private static final Map<String, List<Map.Entry<String[], Kind>>> SERVICE_PATTERNS = split(SERVICE_FIELDS);
    private static final Map<String, List<Map.Entry<String[], Kind>>> RESOURCE_PATTERNS = split(RESOURCE_FIELDS);
    private static final String ANY = "*";

    /**
     * A plain decimal number, the form a float field takes ({@code Double.parseDouble} alone would
     * also take hex, {@code NaN} or a trailing {@code d}); compiled on the first float cast.
     */
    private static final class Decimal {
        static final Pattern PATTERN = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");
    }

    private TypedCasts() {
    }

    private static Map<String, List<Map.Entry<String[], Kind>>> split(Map<String, Kind> table) {
        Map<String, List<Map.Entry<String[], Kind>>> byLast = new HashMap<>();
        for (String pattern : new TreeSet<>(table.keySet())) {
            String[] segments = pattern.split("\\.");
            byLast.computeIfAbsent(segments[segments.length - 1], k -> new ArrayList<>())
                    .add(Map.entry(segments, table.get(pattern)));
        }
        return Map.copyOf(byLast);
    }

    /** The cast for a value at {@code path} (segments with {@code []} for sequence items), or null. */
    static Kind castFor(List<String> path) {
        if (path.size() > 2 && path.get(0).equals("services")) {
            Kind k = lookup(SERVICE_PATTERNS, path.subList(2, path.size()));
            if (k != null) {
                return k;
            }
        }
        return lookup(RESOURCE_PATTERNS, path);
    }

    private static Kind lookup(Map<String, List<Map.Entry<String[], Kind>>> table, List<String> path) {
        Kind named = first(table.get(path.getLast()), path);
        return named != null ? named : first(table.get(ANY), path);
    }

    private static Kind first(List<Map.Entry<String[], Kind>> patterns, List<String> path) {
        if (patterns != null) {
            for (var e : patterns) {
                if (matches(e.getKey(), path)) {
                    return e.getValue();
                }
            }
        }
        return null;
    }

    private static boolean matches(String[] pattern, List<String> path) {
        if (pattern.length != path.size()) {
            return false;
        }
        for (int i = 0; i < pattern.length; i++) {
            String p = pattern[i];
            String s = path.get(i);
            boolean item = s.equals("[]");
            if (p.equals("[]") ? !item : item || !(p.equals("*") || p.equals(s))) {
                return false;
            }
        }
        return true;
    }

    /** The scalar with its text converted to {@code kind}; YAML 1.1 booleans accepted with a warning. */
    static ScalarNode cast(ScalarNode node, Kind kind, String displayPath, Consumer<String> warnings) {
        String text = ((String) node.value()).trim();
        switch (kind) {
            case INT -> {
                try {
                    return node.withValue(Long.parseLong(text));
                } catch (NumberFormatException e) {
                    throw new StackException(node.location() + ": " + displayPath + ": \"" + text
                            + "\" is not an integer; write a whole number such as 3");
                }
            }
            case FLOAT -> {
                try {
                    if (!Decimal.PATTERN.matcher(text).matches()) {
                        throw new NumberFormatException(text);
                    }
                    return node.withValue(Double.parseDouble(text));
                } catch (NumberFormatException e) {
                    throw new StackException(node.location() + ": " + displayPath + ": \"" + text
                            + "\" is not a number; write a number such as 0.5");
                }
            }
            default -> {
                return node.withValue(bool(node, text, displayPath, warnings));
            }
        }
    }

    private static boolean bool(ScalarNode node, String text, String displayPath, Consumer<String> warnings) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            case "y", "yes", "on" -> {
                warnings.accept(node.location() + ": \"" + text
                        + "\" for boolean is not supported by YAML 1.2, please use `true`");
                yield true;
            }
            case "n", "no", "off" -> {
                warnings.accept(node.location() + ": \"" + text
                        + "\" for boolean is not supported by YAML 1.2, please use `false`");
                yield false;
            }
            default -> throw new StackException(node.location() + ": " + displayPath + ": \"" + text
                    + "\" is not a boolean; write true or false");
        };
    }
}
