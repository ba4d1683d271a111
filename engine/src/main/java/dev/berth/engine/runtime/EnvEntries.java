package dev.berth.engine.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Merges lists of {@code NAME=value} environment entries as Docker does for image, container and exec. */
public final class EnvEntries {

    private EnvEntries() {
    }

    /**
     * The entries of {@code base}, each replaced in place by an override of the same name, then the
     * overrides with new names in their order. An override without {@code =} sets an empty value.
     */
    public static List<String> merge(List<String> base, List<String> overrides) {
        Map<String, String> byName = new LinkedHashMap<>();
        for (String e : base) {
            byName.put(name(e), e);
        }
        for (String e : overrides) {
            byName.put(name(e), e.contains("=") ? e : e + "=");
        }
        return new ArrayList<>(byName.values());
    }

    private static String name(String entry) {
        int eq = entry.indexOf('=');
        return eq < 0 ? entry : entry.substring(0, eq);
    }
}
