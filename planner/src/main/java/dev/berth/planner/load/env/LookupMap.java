package dev.berth.planner.load.env;

import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A read-only view that answers {@link #get} from a lookup function first, then from a map of
 * variables already known; it exists so a dotenv value can be interpolated by
 * {@link dev.berth.planner.load.interpolate.Template}. Only {@code get} is meaningful.
 */
final class LookupMap extends AbstractMap<String, String> {

    private final Function<String, String> lookup;
    private final Map<String, String> known;

    LookupMap(Function<String, String> lookup, Map<String, String> known) {
        this.lookup = lookup;
        this.known = known;
    }

    @Override
    public String get(Object key) {
        String v = lookup.apply((String) key);
        return v != null ? v : known.get(key);
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        return known.entrySet();
    }
}
