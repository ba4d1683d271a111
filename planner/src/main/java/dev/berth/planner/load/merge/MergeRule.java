package dev.berth.planner.load.merge;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How two values at one path of the canonical model combine (compose-spec 13-merge.md, compose-go
 * {@code override/merge.go} and {@code override/uncity.go}). Path patterns use {@code *} for any
 * mapping key.
 */
enum MergeRule {
    /** Mappings deep-merged, sequences appended, scalars replaced: the default. */
    DEEP,
    /** The later value replaces the earlier one whole. */
    REPLACE,
    /** Mappings merged by key, later wins; {@code K=V} sequences are read as mappings. */
    KEY_VALUE,
    /** Sequences concatenated, then equal items dropped (the first kept). */
    DISTINCT,
    /** Sequences concatenated; an item with the key of an earlier one replaces it in place. */
    UNIQUE_KEY,
    /** Merged only when both use the same driver (or one has none); otherwise replaced. */
    LOGGING;

    private static final Map<String, MergeRule> SERVICE_RULES = Map.ofEntries(
            Map.entry("command", REPLACE),
            Map.entry("entrypoint", REPLACE),
            Map.entry("healthcheck.test", REPLACE),
            Map.entry("environment", KEY_VALUE),
            Map.entry("labels", KEY_VALUE),
            Map.entry("annotations", KEY_VALUE),
            Map.entry("sysctls", KEY_VALUE),
            Map.entry("build.args", KEY_VALUE),
            Map.entry("build.labels", KEY_VALUE),
            Map.entry("build.additional_contexts", KEY_VALUE),
            Map.entry("deploy.labels", KEY_VALUE),
            Map.entry("dns", DISTINCT),
            Map.entry("dns_opt", DISTINCT),
            Map.entry("dns_search", DISTINCT),
            Map.entry("tmpfs", DISTINCT),
            Map.entry("extra_hosts", DISTINCT),
            Map.entry("env_file", UNIQUE_KEY),
            Map.entry("ports", UNIQUE_KEY),
            Map.entry("volumes", UNIQUE_KEY),
            Map.entry("secrets", UNIQUE_KEY),
            Map.entry("configs", UNIQUE_KEY),
            Map.entry("devices", UNIQUE_KEY),
            Map.entry("expose", UNIQUE_KEY),
            Map.entry("cap_add", UNIQUE_KEY),
            Map.entry("cap_drop", UNIQUE_KEY),
            Map.entry("profiles", UNIQUE_KEY),
            Map.entry("links", UNIQUE_KEY),
            Map.entry("networks.*.aliases", UNIQUE_KEY),
            Map.entry("logging", LOGGING));

    private static final List<Map.Entry<String[], MergeRule>> SERVICE_PATTERNS = SERVICE_RULES.entrySet().stream()
            .sorted(Map.Entry.comparingByKey())
            .map(e -> Map.entry(e.getKey().split("\\."), e.getValue())).toList();

    private static final Set<String> RESOURCES = Set.of("networks", "volumes", "secrets", "configs");

    /** The rule for a value at {@code path} (mapping keys from the document root). */
    static MergeRule at(List<String> path) {
        if (path.size() > 2 && path.getFirst().equals("services")) {
            List<String> rest = path.subList(2, path.size());
            for (var e : SERVICE_PATTERNS) {
                if (matches(e.getKey(), rest)) {
                    return e.getValue();
                }
            }
        }
        if (path.size() == 3 && RESOURCES.contains(path.getFirst()) && path.get(2).equals("labels")) {
            return KEY_VALUE;
        }
        if (path.size() == 4 && path.getFirst().equals("networks") && path.get(2).equals("ipam")
                && path.get(3).equals("config")) {
            return UNIQUE_KEY;
        }
        return DEEP;
    }

    private static boolean matches(String[] parts, List<String> path) {
        if (parts.length != path.size()) {
            return false;
        }
        for (int i = 0; i < parts.length; i++) {
            if (!parts[i].equals("*") && !parts[i].equals(path.get(i))) {
                return false;
            }
        }
        return true;
    }
}
