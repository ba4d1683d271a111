package dev.berth.planner.load.yaml;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.Collections;

import dev.berth.planner.StackException;
import dev.berth.planner.load.tree.Directive;
import dev.berth.planner.load.tree.Location;
import dev.berth.planner.load.tree.MapNode;
import dev.berth.planner.load.tree.Node;
import dev.berth.planner.load.tree.ScalarNode;
import dev.berth.planner.load.tree.SeqNode;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Reads YAML 1.2 stack files into located {@link Node} trees (compose-spec 10-fragments.md,
 * 13-merge.md): every document of a multi-document file, anchors and aliases expanded, {@code <<}
 * merge keys applied, {@code !reset} and {@code !override} kept as {@link Directive}s, duplicate
 * keys refused, and each value marked with its file, line and column.
 */
public final class YamlReader {

    private static final String MERGE_KEY = "<<";
    private static final int MAX_DEPTH = 200;

    /**
     * YAML 1.2's core schema, made once: making one compiles its resolver's patterns, and its
     * resolver only reads them afterwards.
     */
    private static final CoreSchema CORE_SCHEMA = new CoreSchema();
    private static final ScalarResolver RESOLVER = CORE_SCHEMA.getScalarResolver();

    /**
     * Reads every document of {@code content}; {@code file} is how the file is named in errors.
     * Each document's root must be a mapping; an empty document yields an empty mapping.
     */
    public List<MapNode> readAll(String file, String content) {
        LoadSettings settings = LoadSettings.builder()
                .setLabel(file)
                .setSchema(CORE_SCHEMA)
                .setUseMarks(true)
                .setAllowRecursiveKeys(false)
                .setMaxAliasesForCollections(10_000)
                .setCodePointLimit(64 * 1024 * 1024)
                .build();
        String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
        List<MapNode> docs = new ArrayList<>();
        try {
            for (org.snakeyaml.engine.v2.nodes.Node root : new Compose(settings).composeAllFromString(text)) {
                Node converted = new Converter(file).convert(root, 0);
                if (converted instanceof MapNode m) {
                    docs.add(m);
                } else if (converted instanceof ScalarNode s && s.isNull()) {
                    docs.add(MapNode.empty(s.location()));
                } else {
                    throw new StackException(converted.location()
                            + ": top-level object must be a mapping, found a " + converted.kind());
                }
            }
        } catch (MarkedYamlEngineException e) {
            throw new StackException(syntaxError(file, e), e);
        } catch (YamlEngineException e) {
            throw new StackException(file + ": invalid YAML: " + e.getMessage(), e);
        }
        if (docs.isEmpty()) {
            docs.add(MapNode.empty(Location.of(file)));
        }
        return docs;
    }

    private static String syntaxError(String file, MarkedYamlEngineException e) {
        Optional<Mark> mark = e.getProblemMark().or(e::getContextMark);
        String where = mark.map(m -> file + ":" + (m.getLine() + 1) + ":" + (m.getColumn() + 1)).orElse(file);
        String problem = e.getProblem() == null ? "invalid YAML" : e.getProblem();
        String context = e.getContext() == null ? "" : " (" + e.getContext() + ")";
        return where + ": invalid YAML: " + problem + context;
    }

    /** Converts one document; tracks the aliases being expanded to refuse recursive ones. */
    private final class Converter {
        private final String file;
        private final Set<org.snakeyaml.engine.v2.nodes.Node> expanding =
                Collections.newSetFromMap(new IdentityHashMap<>());

        Converter(String file) {
            this.file = file;
        }

        Node convert(org.snakeyaml.engine.v2.nodes.Node n, int depth) {
            Location loc = location(n);
            if (depth > MAX_DEPTH) {
                throw new StackException(loc + ": the YAML is nested more than " + MAX_DEPTH + " levels deep");
            }
            Directive directive = directive(n.getTag(), loc);
            if (n instanceof org.snakeyaml.engine.v2.nodes.ScalarNode s) {
                return scalar(s, loc, directive);
            }
            // only a collection can contain itself, through an alias
            if (!expanding.add(n)) {
                throw new StackException(loc + ": an alias refers to a node that contains it (recursive anchor)");
            }
            try {
                if (n instanceof SequenceNode s) {
                    List<Node> items = new ArrayList<>(s.getValue().size());
                    for (var item : s.getValue()) {
                        items.add(convert(item, depth + 1));
                    }
                    return new SeqNode(items, loc, directive);
                }
                if (n instanceof MappingNode m) {
                    return mapping(m, loc, directive, depth);
                }
                throw new StackException(loc + ": unsupported YAML node");
            } finally {
                expanding.remove(n);
            }
        }

        private MapNode mapping(MappingNode m, Location loc, Directive directive, int depth) {
            LinkedHashMap<String, Node> entries = new LinkedHashMap<>();
            Map<String, Location> keyLocs = new LinkedHashMap<>();
            List<MapNode> merged = new ArrayList<>();
            for (NodeTuple t : m.getValue()) {
                Location keyLoc = location(t.getKeyNode());
                String key = key(t.getKeyNode(), keyLoc);
                if (key.equals(MERGE_KEY) && t.getKeyNode() instanceof org.snakeyaml.engine.v2.nodes.ScalarNode ks
                        && ks.isPlain()) {
                    merged.addAll(mergeSources(convert(t.getValueNode(), depth + 1)));
                    continue;
                }
                if (entries.containsKey(key)) {
                    throw new StackException(keyLoc + ": mapping key \"" + key + "\" already defined at line "
                            + keyLocs.get(key).line() + "; remove one of them");
                }
                entries.put(key, convert(t.getValueNode(), depth + 1));
                keyLocs.put(key, keyLoc);
            }
            // Merge keys: explicit keys win; among merged mappings, the first one listed wins.
            for (MapNode source : merged) {
                for (String k : source.keys()) {
                    if (!entries.containsKey(k)) {
                        entries.put(k, source.get(k));
                        keyLocs.put(k, source.keyLocation(k));
                    }
                }
            }
            return new MapNode(entries, keyLocs, loc, directive);
        }

        private List<MapNode> mergeSources(Node value) {
            return switch (value) {
                case MapNode m -> List.of(m);
                case SeqNode s -> {
                    List<MapNode> maps = new ArrayList<>();
                    for (Node item : s.items()) {
                        if (!(item instanceof MapNode m)) {
                            throw new StackException(item.location()
                                    + ": a merge key (<<) takes a mapping or a list of mappings, found a " + item.kind());
                        }
                        maps.add(m);
                    }
                    yield maps;
                }
                default -> throw new StackException(value.location()
                        + ": a merge key (<<) takes a mapping or a list of mappings, found a " + value.kind());
            };
        }

        private String key(org.snakeyaml.engine.v2.nodes.Node k, Location loc) {
            if (!(k instanceof org.snakeyaml.engine.v2.nodes.ScalarNode s)) {
                throw new StackException(loc + ": a mapping key must be a scalar, not a "
                        + (k instanceof SequenceNode ? "sequence" : "mapping"));
            }
            Object v = scalarValue(s, loc);
            if (v == null) {
                throw new StackException(loc + ": a mapping key must not be null; quote it if you mean the text \""
                        + s.getValue() + "\"");
            }
            return v instanceof String str ? str : String.valueOf(v);
        }

        private ScalarNode scalar(org.snakeyaml.engine.v2.nodes.ScalarNode s, Location loc, Directive directive) {
            return new ScalarNode(scalarValue(s, loc), loc, directive);
        }

        private Object scalarValue(org.snakeyaml.engine.v2.nodes.ScalarNode s, Location loc) {
            String text = s.getValue();
            Tag tag = s.getTag();
            String tagName = tag.getValue();
            if (isDirectiveTag(tagName)) {
                // A tagged scalar loses its implicit type; resolve it as if it were plain.
                tag = s.isPlain() ? RESOLVER.resolve(text, true) : Tag.STR;
            }
            if (tag.equals(Tag.STR)) {
                return text;
            }
            if (tag.equals(Tag.NULL)) {
                return null;
            }
            if (tag.equals(Tag.BOOL)) {
                return Boolean.valueOf(text.equalsIgnoreCase("true"));
            }
            if (tag.equals(Tag.INT)) {
                return integer(text, loc);
            }
            if (tag.equals(Tag.FLOAT)) {
                return floating(text, loc);
            }
            if (tagName.startsWith("!") || tagName.startsWith("tag:yaml.org,2002:")) {
                // Other explicit tags are kept as text, as Compose's YAML decoder does.
                return text;
            }
            return text;
        }

        private Object integer(String text, Location loc) {
            if (text.length() < 19 && isDecimalDigits(text)) {
                return Long.parseLong(text);
            }
            String t = text.replace("_", "");
            int sign = 1;
            if (t.startsWith("-")) {
                sign = -1;
                t = t.substring(1);
            } else if (t.startsWith("+")) {
                t = t.substring(1);
            }
            int radix = 10;
            if (t.startsWith("0x")) {
                radix = 16;
                t = t.substring(2);
            } else if (t.startsWith("0o")) {
                radix = 8;
                t = t.substring(2);
            }
            BigInteger v = new BigInteger(t, radix);
            if (sign < 0) {
                v = v.negate();
            }
            if (v.bitLength() > 63) {
                throw new StackException(loc + ": the number " + text + " is too large");
            }
            return v.longValue();
        }

        private static boolean isDecimalDigits(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c < '0' || c > '9') {
                    return false;
                }
            }
            return !text.isEmpty();
        }

        private Object floating(String text, Location loc) {
            String t = text.toLowerCase();
            return switch (t) {
                case ".inf", "+.inf" -> Double.POSITIVE_INFINITY;
                case "-.inf" -> Double.NEGATIVE_INFINITY;
                case ".nan" -> Double.NaN;
                default -> {
                    try {
                        yield Double.valueOf(text);
                    } catch (NumberFormatException e) {
                        throw new StackException(loc + ": \"" + text + "\" is not a number");
                    }
                }
            };
        }

        private Directive directive(Tag tag, Location loc) {
            return switch (tag.getValue()) {
                case "!reset" -> Directive.RESET;
                case "!override" -> Directive.OVERRIDE;
                default -> Directive.NONE;
            };
        }

        private static boolean isDirectiveTag(String tag) {
            return tag.equals("!reset") || tag.equals("!override");
        }

        private Location location(org.snakeyaml.engine.v2.nodes.Node n) {
            Optional<Mark> start = n.getStartMark();
            if (start.isEmpty()) {
                return Location.of(file);
            }
            Mark m = start.get();
            return new Location(file, m.getLine() + 1, m.getColumn() + 1);
        }
    }
}
