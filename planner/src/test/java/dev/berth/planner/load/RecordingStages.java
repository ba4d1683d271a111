package dev.berth.planner.load;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.berth.planner.StackException;
import dev.berth.planner.load.canonical.CanonicalOptions;
import dev.berth.planner.tree.MapNode;

/**
 * A test stand-in for the key-aware stages: it leaves documents as they are (tests write them in
 * canonical form), records each call, and refuses a document with a top-level {@code x-invalid}
 * key as a schema error would.
 */
final class RecordingStages implements ModelStages {

    final List<String> calls = new ArrayList<>();

    @Override
    public void validate(MapNode document) {
        calls.add("validate");
        if (document.has("x-invalid")) {
            throw new StackException(document.keyLocation("x-invalid") + ": x-invalid is refused by the test schema");
        }
    }

    @Override
    public MapNode canonicalize(MapNode document, Path baseDir, Path homeDir, CanonicalOptions options) {
        calls.add("canonicalize " + baseDir.getFileName());
        return document;
    }

    @Override
    public MapNode normalize(MapNode model, String projectName, Path projectDir, boolean resolvePaths) {
        calls.add("normalize " + projectName);
        return model;
    }

    @Override
    public void check(MapNode model) {
        calls.add("check");
    }
}
