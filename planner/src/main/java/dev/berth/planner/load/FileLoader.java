package dev.berth.planner.load;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedSet;

import dev.berth.planner.load.canonical.CanonicalOptions;
import dev.berth.planner.load.env.InterpolationEnvironment;
import dev.berth.planner.load.interpolate.Interpolator;
import dev.berth.planner.load.merge.Merger;
import dev.berth.planner.load.project.ConfigFile;
import dev.berth.planner.tree.Location;
import dev.berth.planner.tree.MapNode;

/**
 * The per-file part of the load pipeline (compose.md 1.2): each YAML document of a file is read,
 * interpolated (with typed casts), validated and canonicalised, its {@code extends} and
 * {@code include} resolved, and merged onto the documents before it. One instance serves one
 * project (its interpolation environment); {@code include} makes another for each included project.
 */
final class FileLoader {

    /** What every file of one project shares. */
    record Context(ModelStages stages, InterpolationEnvironment environment, boolean interpolate, Path homeDir,
                   Path workingDir, SourceReader sources, SequencedSet<String> warnings, List<Path> includeChain,
                   boolean validate, boolean resolvePaths, boolean resolveEnvironment) {
    }

    private final Context context;
    private final Map<Path, MapNode> canonicalCache = new HashMap<>();

    FileLoader(Context context) {
        this.context = context;
    }

    Context context() {
        return context;
    }

    /**
     * The file's documents, fully processed and merged; relative paths resolved against {@code baseDir}.
     * The first document is not merged onto an empty one, so that its {@code !reset} and
     * {@code !override} tags still apply to the files before it.
     */
    MapNode load(ConfigFile file, Path baseDir) {
        MapNode merged = null;
        Extender extender = new Extender(path -> canonical(ConfigFile.of(path), path.getParent()),
                context.workingDir());
        Includer includer = new Includer(this);
        for (MapNode doc : canonicalDocuments(file, baseDir)) {
            MapNode extended = extender.apply(doc, file);
            MapNode included = includer.apply(extended, file, baseDir);
            merged = merged == null ? included : Merger.merge(merged, included);
        }
        return merged == null ? MapNode.empty(Location.of(file.name())) : merged;
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
        List<MapNode> docs = context.sources().documents(file);
        return docs.stream().map(doc -> canonicalDocument(doc, baseDir)).toList();
    }

    /** Values of an uninterpolated document may not parse until interpolated: they are kept as written. */
    private CanonicalOptions canonicalOptions() {
        return new CanonicalOptions(context.resolvePaths(), !context.interpolate());
    }

    private MapNode canonicalDocument(MapNode doc, Path baseDir) {
        MapNode interpolated = doc;
        if (context.interpolate()) {
            Interpolator interpolator = new Interpolator(context.environment().variables());
            interpolated = interpolator.interpolate(doc);
            context.warnings().addAll(interpolator.warnings());
        }
        if (!context.validate()) {
            // compose-go warns about and drops `version` only as part of validation.
            return context.stages().canonicalize(interpolated, baseDir, context.homeDir(), canonicalOptions());
        }
        context.stages().validate(interpolated);
        if (interpolated.has("version")) {
            context.warnings().add(interpolated.keyLocation("version") + ": the attribute `version` is obsolete, "
                    + "it will be ignored, please remove it to avoid potential confusion");
            interpolated = interpolated.without("version");
        }
        return context.stages().canonicalize(interpolated, baseDir, context.homeDir(), canonicalOptions());
    }
}
