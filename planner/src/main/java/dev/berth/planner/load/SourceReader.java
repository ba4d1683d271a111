package dev.berth.planner.load;

import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import dev.berth.planner.StackException;
import dev.berth.planner.load.project.ConfigFile;
import dev.berth.planner.load.text.TextFileReader;
import dev.berth.planner.load.yaml.YamlReader;
import dev.berth.planner.tree.MapNode;

/**
 * Reads and parses each stack file once per load, standard input included (it can be read only
 * once), so that the project-name pass and the main pass see the same documents. Files and
 * standard input are read within the stack file size limit ({@link TextFileReader.Kind#STACK_FILE}).
 */
final class SourceReader {

    private final Supplier<InputStream> stdin;
    private final Map<String, List<MapNode>> parsed = new HashMap<>();

    SourceReader(Supplier<InputStream> stdin) {
        this.stdin = stdin;
    }

    /** The file's YAML documents, as written (not interpolated). */
    List<MapNode> documents(ConfigFile file) {
        List<MapNode> docs = parsed.get(file.name());
        if (docs == null) {
            docs = new YamlReader().readAll(file.name(), content(file));
            parsed.put(file.name(), docs);
        }
        return docs;
    }

    private String content(ConfigFile file) {
        if (!file.isStdin()) {
            return TextFileReader.read(file.path(), TextFileReader.Kind.STACK_FILE);
        }
        InputStream in = stdin == null ? null : stdin.get();
        if (in == null) {
            throw new StackException("-: standard input is not available to read the stack file from");
        }
        return TextFileReader.read(in, file.name(), TextFileReader.Kind.STACK_FILE);
    }
}
