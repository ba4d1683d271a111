package dev.berth.planner.load.yaml;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

import dev.berth.planner.StackException;
import dev.berth.planner.load.text.TextPositions;
import dev.berth.planner.tree.Directive;
import dev.berth.planner.tree.Location;
import dev.berth.planner.tree.MapNode;
import dev.berth.planner.tree.Node;
import dev.berth.planner.tree.ScalarNode;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Reads YAML 1.2 stack files into located {@link Node} trees (compose-spec 10-fragments.md,
 * 13-merge.md): every document of a multi-document file, anchors and aliases expanded, {@code <<}
 * merge keys applied, {@code !reset} and {@code !override} kept as {@link Directive}s, duplicate
 * keys refused, and each value marked with its file, line and column. snakeyaml-engine parses;
 * {@link TreeComposer} builds the tree from its events.
 */
public final class YamlReader {

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
        String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
        // The parser's reader copies all it holds for each buffer it reads, and holds a whole scalar
        // while it scans one: read in chunks, one long scalar costs time in the square of its
        // length. One buffer for the whole text is read once. The text's size is limited where it
        // is read (TextFileReader), so the parser's own limit on a document is lifted.
        LoadSettings settings = LoadSettings.builder()
                .setLabel(file)
                .setSchema(CORE_SCHEMA)
                .setUseMarks(true)
                .setCodePointLimit(Integer.MAX_VALUE)
                .setBufferSize(Math.max(text.length(), 1))
                .build();
        List<MapNode> docs = new ArrayList<>();
        try {
            Iterator<Event> events = new Parse(settings).parseString(text).iterator();
            for (Node converted : new TreeComposer(file, events, RESOLVER).documents()) {
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
        } catch (ReaderException e) {
            Location at = TextPositions.at(file, text, TextPositions.indexOfCodePoint(text, e.getPosition()));
            throw new StackException(at + ": invalid YAML: the character " + codePoint(e.getCodePoint())
                    + " is not allowed in YAML; remove it", e);
        } catch (YamlEngineException e) {
            throw new StackException(file + ": invalid YAML: " + e.getMessage(), e);
        }
        if (docs.isEmpty()) {
            docs.add(MapNode.empty(Location.of(file)));
        }
        return docs;
    }

    /** How a code point is shown in an error: {@code U+0000}, with a control character's name. */
    private static String codePoint(int codePoint) {
        String hex = String.format("U+%04X", codePoint);
        String name = Character.getName(codePoint);
        return name == null ? hex : hex + " (" + name + ")";
    }

    private static String syntaxError(String file, MarkedYamlEngineException e) {
        Optional<Mark> mark = e.getProblemMark().or(e::getContextMark);
        String where = mark.map(m -> file + ":" + (m.getLine() + 1) + ":" + (m.getColumn() + 1)).orElse(file);
        String problem = e.getProblem() == null ? "invalid YAML" : e.getProblem();
        String context = e.getContext() == null ? "" : " (" + e.getContext() + ")";
        return where + ": invalid YAML: " + problem + context;
    }
}
