package dev.berth.planner.load.validate;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.ValidationMessage;

import dev.berth.planner.load.tree.Location;
import dev.berth.planner.load.tree.MapNode;
import dev.berth.planner.load.tree.Node;
import dev.berth.planner.load.tree.ScalarNode;
import dev.berth.planner.load.tree.SeqNode;

/**
 * Turns the validator's error(s) about one place into {@code FILE:LINE:COL: PATH: problem}, with
 * the location taken from the document's own nodes and a "did you mean" hint for misspelt keys.
 */
final class SchemaErrorPhraser {

    private final MapNode document;
    private final JsonNode schemaTree;

    SchemaErrorPhraser(MapNode document, JsonNode schemaTree) {
        this.document = document;
        this.schemaTree = schemaTree;
    }

    /** Phrases {@code messages}, which all concern the same place (several only for type errors). */
    String phrase(List<ValidationMessage> messages) {
        ValidationMessage first = messages.getFirst();
        List<Object> path = segments(first.getInstanceLocation());
        Node node = find(path);
        String where = dotted(path);
        return switch (first.getType()) {
            case "additionalProperties" -> unknownKey(first, node, where);
            case "type" -> located(node, where, "expected " + expectedTypes(messages) + ", found " + article(node));
            case "enum" -> located(node, where, "expected one of " + enumValues(first) + ", found " + shown(node));
            case "required" -> located(node, where, "missing required key \"" + first.getProperty() + "\"");
            case "pattern" -> located(node, where, shown(node) + " does not match " + first.getSchemaNode().asText());
            case "propertyNames" -> badName(first, node, where);
            case "minimum" -> located(node, where, "must be " + first.getSchemaNode().asText() + " or more, found " + shown(node));
            case "uniqueItems" -> located(node, where, "contains duplicate entries; list each value once");
            default -> located(node, where, stripPath(first.getMessage()));
        };
    }

    private String unknownKey(ValidationMessage m, Node node, String where) {
        String key = m.getProperty();
        Location loc = node instanceof MapNode map ? map.keyLocation(key) : node.location();
        Set<String> allowed = allowedKeys(m);
        String hint = suggestion(key, allowed);
        String what = where.isEmpty() ? "unknown top-level key \"" + key + "\"" : where + ": unknown key \"" + key + "\"";
        String fix = hint != null
                ? "; did you mean \"" + hint + "\"?"
                : allowed.isEmpty() ? "" : " (allowed: " + String.join(", ", allowed) + ", or an x- extension)";
        return loc + ": " + what + fix;
    }

    /** propertyNames reports the mapping; the message names the key that breaks the rule, where it was typed. */
    private static String badName(ValidationMessage m, Node node, String where) {
        JsonNode rule = m.getSchemaNode();
        String regex = rule.path("pattern").asText(rule.asText());
        if (node instanceof MapNode map) {
            for (String key : map.keys()) {
                if (!Pattern.compile(regex).matcher(key).find()) {
                    return map.keyLocation(key) + ": " + where + ": invalid name \"" + key + "\" (names must match " + regex + ")";
                }
            }
        }
        return located(node, where, stripPath(m.getMessage()));
    }

    private static String located(Node node, String where, String problem) {
        String prefix = node.location() + ": ";
        return where.isEmpty() ? prefix + problem : prefix + where + ": " + problem;
    }

    /** The keys the schema allows at the place an unknown key was found, from the schema object that forbids others. */
    private Set<String> allowedKeys(ValidationMessage m) {
        String pointer = m.getSchemaLocation().getFragment().toString();
        if (pointer.endsWith("/additionalProperties")) {
            pointer = pointer.substring(0, pointer.length() - "/additionalProperties".length());
        }
        JsonNode properties = schemaTree.at(pointer.isEmpty() ? "/properties" : pointer + "/properties");
        Set<String> keys = new TreeSet<>();
        for (Iterator<String> it = properties.fieldNames(); it.hasNext(); ) {
            keys.add(it.next());
        }
        return keys;
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

    private static String expectedTypes(List<ValidationMessage> messages) {
        Set<String> names = new LinkedHashSet<>();
        for (String type : List.of("string", "number", "integer", "boolean", "object", "array", "null")) {
            for (ValidationMessage m : messages) {
                if (typesOf(m.getSchemaNode()).contains(type)) {
                    names.add(typeName(type));
                }
            }
        }
        List<String> list = new ArrayList<>(names);
        if (list.size() == 1) {
            return list.getFirst();
        }
        return String.join(", ", list.subList(0, list.size() - 1)) + " or " + list.getLast();
    }

    private static Set<String> typesOf(JsonNode typeNode) {
        Set<String> out = new LinkedHashSet<>();
        if (typeNode == null) {
            return out;
        }
        if (typeNode.isArray()) {
            typeNode.forEach(t -> out.add(t.asText()));
        } else if (typeNode.isObject() && typeNode.has("type")) {
            return typesOf(typeNode.get("type"));
        } else {
            out.add(typeNode.asText());
        }
        return out;
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

    private static String enumValues(ValidationMessage m) {
        List<String> values = new ArrayList<>();
        m.getSchemaNode().forEach(v -> values.add(v.asText()));
        return String.join(", ", values);
    }

    private static String shown(Node node) {
        if (node instanceof ScalarNode s) {
            return s.isString() ? "\"" + s.value() + "\"" : String.valueOf(s.value());
        }
        return article(node);
    }

    private static String stripPath(String message) {
        int colon = message.indexOf(": ");
        return colon > 0 && message.startsWith("/") ? message.substring(colon + 2) : message;
    }

    private static List<Object> segments(JsonNodePath path) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < path.getNameCount(); i++) {
            out.add(path.getElement(i));
        }
        return out;
    }

    /** The node at {@code path}, or the deepest node on the way when the path leaves the tree. */
    private Node find(List<Object> path) {
        Node current = document;
        for (Object segment : path) {
            Node next = switch (current) {
                case MapNode m when segment instanceof String k -> m.get(k);
                case SeqNode s when segment instanceof Integer i && i < s.size() -> s.get(i);
                default -> null;
            };
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
