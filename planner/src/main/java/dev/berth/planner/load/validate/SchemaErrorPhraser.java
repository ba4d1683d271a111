package dev.berth.planner.load.validate;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import dev.berth.planner.tree.Location;
import dev.berth.planner.tree.MapNode;
import dev.berth.planner.tree.Node;
import dev.berth.planner.tree.ScalarNode;
import dev.berth.planner.tree.SeqNode;

/**
 * Turns the {@link Violation}(s) about one place into {@code FILE:LINE:COL: PATH: problem}, with
 * the location taken from the document's own nodes and a "did you mean" hint for misspelt keys.
 */
final class SchemaErrorPhraser {

    private final MapNode document;

    SchemaErrorPhraser(MapNode document) {
        this.document = document;
    }

    /** Phrases {@code violations}, which all concern the same place (several only for type errors). */
    String phrase(List<Violation> violations) {
        Violation first = violations.getFirst();
        Node node = find(first.path());
        String where = dotted(first.path());
        Subschema rule = first.rule();
        return switch (first.keyword()) {
            case "additionalProperties" -> unknownKey(first, node, where);
            case "type" -> located(node, where, "expected " + expectedTypes(violations, node) + ", found "
                    + (isFraction(node) ? shown(node) : article(node)));
            case "enum" -> located(node, where, "expected one of " + enumValues(rule) + ", found " + shown(node));
            case "required" -> located(node, where, "missing required key \"" + first.property() + "\"");
            case "pattern" -> located(node, where, shown(node) + " does not match " + rule.pattern().pattern());
            case "propertyNames" -> badName(first, node, where);
            case "minimum" -> located(node, where, "must be " + rule.minimum() + " or more, found " + shown(node));
            case "uniqueItems" -> located(node, where, "contains duplicate entries; list each value once");
            case Violation.ONE_OF -> located(node, where, "matches more than one of the forms this key allows;"
                    + " write it in one form only");
            default -> located(node, where, "is not allowed here");
        };
    }

    private static String unknownKey(Violation v, Node node, String where) {
        String key = v.property();
        Location loc = node instanceof MapNode map ? map.keyLocation(key) : node.location();
        Set<String> allowed = new TreeSet<>(v.rule().properties().keySet());
        String hint = suggestion(key, allowed);
        String what = where.isEmpty() ? "unknown top-level key \"" + key + "\"" : where + ": unknown key \"" + key + "\"";
        String fix = hint != null
                ? "; did you mean \"" + hint + "\"?"
                : allowed.isEmpty() ? "" : " (allowed: " + String.join(", ", allowed) + ", or an x- extension)";
        return loc + ": " + what + fix;
    }

    /** The name is reported where it was typed; the rule is the propertyNames schema's pattern. */
    private static String badName(Violation v, Node node, String where) {
        String key = v.property();
        Location loc = node instanceof MapNode map ? map.keyLocation(key) : node.location();
        String rule = v.rule().pattern() != null ? " (names must match " + v.rule().pattern().pattern() + ")" : "";
        return loc + ": " + where + ": invalid name \"" + key + "\"" + rule;
    }

    private static String located(Node node, String where, String problem) {
        String prefix = node.location() + ": ";
        return where.isEmpty() ? prefix + problem : prefix + where + ": " + problem;
    }

    static String suggestion(String key, Set<String> allowed) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : allowed) {
            int d = editDistance(key.toLowerCase(Locale.ROOT), candidate);
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        int tolerance = Math.max(1, Math.min(3, key.length() / 3));
        return best != null && bestDistance <= tolerance ? best : null;
    }

    /**
     * Edits (insert, delete, replace, or swap two neighbouring characters) from {@code a} to
     * {@code b}: the optimal string alignment distance, so that swapped letters, the most common
     * slip ({@code imgae}), count as one edit.
     */
    static int editDistance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    /** The types the violated rules allow, by name; "a whole number" where a fraction was written. */
    private static String expectedTypes(List<Violation> violations, Node node) {
        Set<String> names = new LinkedHashSet<>();
        for (String type : List.of("string", "number", "integer", "boolean", "object", "array", "null")) {
            for (Violation v : violations) {
                if (v.rule().types().contains(type)) {
                    names.add(type.equals("integer") && isFraction(node) ? "a whole number" : typeName(type));
                }
            }
        }
        List<String> list = new ArrayList<>(names);
        if (list.size() == 1) {
            return list.getFirst();
        }
        return String.join(", ", list.subList(0, list.size() - 1)) + " or " + list.getLast();
    }

    private static boolean isFraction(Node node) {
        return node instanceof ScalarNode s && s.value() instanceof Double d && d != Math.rint(d);
    }

    private static String typeName(String jsonType) {
        return switch (jsonType) {
            case "string" -> "a string";
            case "number", "integer" -> "a number";
            case "boolean" -> "a boolean";
            case "object" -> "a mapping";
            case "array" -> "a sequence";
            default -> "null";
        };
    }

    private static String article(Node node) {
        return switch (node.kind()) {
            case "null" -> "null";
            case "mapping" -> "a mapping";
            case "sequence" -> "a sequence";
            case "string" -> "a string";
            case "number" -> "a number";
            default -> "a boolean";
        };
    }

    private static String enumValues(Subschema rule) {
        List<String> values = new ArrayList<>();
        rule.enumValues().forEach(v -> values.add(String.valueOf(v)));
        return String.join(", ", values);
    }

    private static String shown(Node node) {
        if (node instanceof ScalarNode s) {
            return s.isString() ? "\"" + s.value() + "\"" : String.valueOf(s.value());
        }
        return article(node);
    }

    /** The node at {@code path}, or the deepest node on the way when the path leaves the tree. */
    private Node find(List<Object> path) {
        Node current = document;
        for (Object segment : path) {
            Node next = null;
            if (current instanceof MapNode m && segment instanceof String k) {
                next = m.get(k);
            } else if (current instanceof SeqNode s && segment instanceof Integer i && i < s.size()) {
                next = s.get(i);
            }
            if (next == null) {
                return current;
            }
            current = next;
        }
        return current;
    }

    /** {@code services.web.ports[0]} for a path of segments. */
    static String dotted(List<Object> path) {
        StringBuilder out = new StringBuilder();
        for (Object segment : path) {
            if (segment instanceof Integer i) {
                out.append('[').append(i).append(']');
            } else {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(segment);
            }
        }
        return out.toString();
    }
}
