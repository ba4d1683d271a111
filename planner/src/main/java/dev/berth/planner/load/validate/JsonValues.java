package dev.berth.planner.load.validate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.berth.planner.tree.Node;
import dev.berth.planner.tree.SeqNode;

/**
 * Equality of plain values (String, Long, Double, Boolean, null, List, Map) as JSON Schema defines
 * it for {@code enum} and {@code uniqueItems}: numbers are equal when their values are
 * ({@code 1} and {@code 1.0}), mappings when they have the same keys with equal values, in any order.
 */
final class JsonValues {

    private JsonValues() {
    }

    static boolean equal(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return decimal(x).compareTo(decimal(y)) == 0;
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!equal(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            if (!x.keySet().equals(y.keySet())) {
                return false;
            }
            for (Map.Entry<?, ?> e : x.entrySet()) {
                if (!equal(e.getValue(), y.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        return a == null ? b == null : a.equals(b);
    }

    /** Whether {@code values} holds a value equal to {@code value}. */
    static boolean contains(List<Object> values, Object value) {
        for (Object candidate : values) {
            if (equal(candidate, value)) {
                return true;
            }
        }
        return false;
    }

    /** Whether no two items of {@code seq} are equal. */
    static boolean allDistinct(SeqNode seq) {
        List<Object> plain = new ArrayList<>(seq.size());
        for (Node item : seq.items()) {
            plain.add(item.toPlain());
        }
        for (int i = 0; i < plain.size(); i++) {
            for (int j = i + 1; j < plain.size(); j++) {
                if (equal(plain.get(i), plain.get(j))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** A finite number's exact value. */
    static BigDecimal decimal(Number n) {
        return n instanceof Double d ? BigDecimal.valueOf(d) : BigDecimal.valueOf(n.longValue());
    }
}
