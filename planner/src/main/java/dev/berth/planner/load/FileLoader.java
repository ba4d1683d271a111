package dev.berth.planner.load;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedSet;
import java.util.function.Supplier;

import dev.berth.planner.StackException;
import dev.berth.planner.load.env.InterpolationEnvironment;
import dev.berth.planner.load.interpolate.Interpolator;
import dev.berth.planner.load.merge.Merger;
import dev.berth.planner.load.project.ConfigFile;
import dev.berth.planner.load.tree.Location;
import dev.berth.planner.load.tree.MapNode;
import dev.berth.planner.load.yaml.YamlReader;

/**
 * The per-file part of the load pipeline (compose.md 1.2): each YAML document of a file is read,
 * interpolated (with typed casts), validated and canonicalised, its {@code extends} and
 * {@code include} resolved, and merged onto the documents before it. One instance serves one
 * project (its interpolation environment); {@code include} makes another for each included project.
 */
final class FileLoader {

    /** What every file of one project shares. */
    record Context(ModelStages stages, InterpolationEnvironment environment, boolean interpolate, Path homeDir,
                   Path workingDir, Supplier<String> stdin, SequencedSet<String> warnings, List<Path> includeChain) {
    }

    private final Context context;
    private final Map<Path, MapNode> canonicalCache = new HashMap<>();
    private String stdinContent;

    FileLoader(Context context) {
        this.context = context;
    }

    Context context() {
        return context;
    }

    /** The file's documents, fully processed and merged; relative paths resolved against {@code baseDir}. */
    MapNode load(ConfigFile file, Path baseDir) {
        MapNode merged = MapNode.empty(Location.of(file.name()));
        Extender extender = new Extender(path -> canonical(ConfigFile.of(path), path.getParent()),
                context.workingDir());
        Includer includer = new Includer(this);
        for (MapNode doc : canonicalDocuments(file, baseDir)) {
            MapNode extended = extender.apply(doc, file);
            MapNode included = includer.apply(extended, file, baseDir);
            merged = Merger.merge(merged, included);
        }
        return merged;
    }

    /** The file's documents interpolated, validated and canonicalised, merged, extends not yet resolved. */
    MapNode canonical(ConfigFile file, Path baseDir) {
        MapNode cached = file.isStdin() ? null : canonicalCache.get(file.path());
        if (cached != null) {
            return cached;
        }
        MapNode merged = MapNode.empty(Location.of(file.name()));
        for (MapNode doc : canonicalDocuments(file, baseDir)) {
            merged = Merger.merge(merged, doc);
        }
        if (!file.isStdin()) {
            canonicalCache.put(file.path(), merged);
        }
        return merged;
    }

    private List<MapNode> canonicalDocuments(ConfigFile file, Path baseDir) {
        List<MapNode> docs = new YamlReader().readAll(file.name(), content(file));
        return docs.stream().map(doc -> canonicalDocument(doc, baseDir)).toList();
    }

    private MapNode canonicalDocument(MapNode doc, Path baseDir) {
        MapNode interpolated = doc;
        if (context.interpolate()) {
            Interpolator interpolator = new Interpolator(context.environment().variables());
            interpolated = interpolator.interpolate(doc);
            context.warnings().addAll(interpolator.warnings());
        }
        context.stages().validate(interpolated);
        if (interpolated.has("version")) {
            context.warnings().add(interpolated.keyLocation("version") + ": the attribute `version` is obsolete, "
                    + "it will be ignored, please remove it to avoid potential confusion");
            interpolated = interpolated.without("version");
        }
        return context.stages().canonicalize(interpolated, baseDir, context.homeDir());
    }

    private String content(ConfigFile file) {
        if (file.isStdin()) {
            if (stdinContent == null) {
                String read = context.stdin() == null ? null : context.stdin().get();
                if (read == null) {
                    throw new StackException("-: standard input is not available to read the stack file from");
                }
                stdinContent = read;
            }
            return stdinContent;
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
