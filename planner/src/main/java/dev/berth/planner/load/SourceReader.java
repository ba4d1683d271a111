package dev.berth.planner.load;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import dev.berth.planner.StackException;
import dev.berth.planner.load.project.ConfigFile;
import dev.berth.planner.load.tree.MapNode;
import dev.berth.planner.load.yaml.YamlReader;

/**
 * Reads and parses each stack file once per load, standard input included (it can be read only
 * once), so that the project-name pass and the main pass see the same documents.
 */
final class SourceReader {

    private final Supplier<String> stdin;
    private final Map<String, List<MapNode>> parsed = new HashMap<>();

    SourceReader(Supplier<String> stdin) {
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
        if (file.isStdin()) {
            String read = stdin == null ? null : stdin.get();
            if (read == null) {
                throw new StackException("-: standard input is not available to read the stack file from");
            }
            return read;
        }
        try {
            return Files.readString(file.path(), StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            throw new StackException(file.name() + ": the file is not valid UTF-8 text", e);
        } catch (IOException e) {
            throw new StackException(file.name() + ": cannot read the file: " + e.getMessage(), e);
        }
    }
}
