package dev.berth.planner.load;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.berth.planner.StackException;
import dev.berth.planner.load.env.EnvironmentResolver;
import dev.berth.planner.load.env.InterpolationEnvironment;
import dev.berth.planner.load.merge.Merger;
import dev.berth.planner.load.project.ConfigFile;
import dev.berth.planner.load.text.PathCheck;
import dev.berth.planner.tree.LocatedPaths;
import dev.berth.planner.tree.Location;
import dev.berth.planner.tree.MapNode;
import dev.berth.planner.tree.Node;
import dev.berth.planner.tree.ScalarNode;
import dev.berth.planner.tree.SeqNode;

/**
 * Resolves top-level {@code include} (compose-spec 14-include.md, compose.md 1.4.11): each entry
 * ({@code path} as a string or list, {@code env_file}, {@code project_directory}, all relative to
 * the including project's directory) is loaded as a project of its own, with its own directory for relative paths and its own env files for
 * interpolation (the including project's variables win); its services, networks, volumes,
 * secrets and configs are imported, and where the including file defines the same one, the two
 * are merged with the including file's definition winning, as compose-go does.
 */
final class Includer {

    private static final Set<String> RESOURCES = Set.of("services", "networks", "volumes", "secrets", "configs", "models");

    /** Named as an include's env_file, it stands for no env file at all (not even the default .env). */
    private static final Path DEV_NULL = Path.of("/dev/null");

    private final FileLoader parent;

    Includer(FileLoader parent) {
        this.parent = parent;
    }

    /** The document with its {@code include} entries loaded and imported, the key removed. */
    MapNode apply(MapNode document, ConfigFile file, Path baseDir) {
        Node include = document.get("include");
        if (include == null) {
            return document;
        }
        if (!(include instanceof SeqNode entries)) {
            throw new StackException(include.location() + ": include must be a list of files or {path, env_file, project_directory}");
        }
        MapNode imported = MapNode.empty(Location.of(file.name()));
        for (Node entry : entries.items()) {
            imported = Merger.merge(imported, loadEntry(entry, file, baseDir));
        }
        return Merger.merge(imported, document.without("include"));
    }

    private MapNode loadEntry(Node entry, ConfigFile file, Path workingDir) {
        List<ScalarNode> paths = strings(entry instanceof MapNode m ? m.get("path") : entry);
        if (paths.isEmpty()) {
            throw new StackException(entry.location() + ": include entry must name at least one file in path");
        }
        List<Path> files = new ArrayList<>();
        for (ScalarNode p : paths) {
            files.add(LocatedPaths.resolve(workingDir, (String) p.value(), p.location()));
        }
        Path projectDir = files.getFirst().getParent();
        List<Path> envFiles = new ArrayList<>();
        if (entry instanceof MapNode m) {
            for (ScalarNode d : strings(m.get("project_directory"))) {
                projectDir = LocatedPaths.resolve(workingDir, (String) d.value(), d.location());
            }
            for (ScalarNode e : strings(m.get("env_file"))) {
                Path envFile = LocatedPaths.resolve(workingDir, (String) e.value(), e.location());
                Optional<String> problem = envFile.equals(DEV_NULL) ? Optional.empty() : PathCheck.problem(envFile);
                if (problem.isPresent()) {
                    throw new StackException(e.location() + ": env file " + envFile + " "
                            + (PathCheck.missing(problem) ? "not found" : problem.get()));
                }
                envFiles.add(envFile);
            }
        }
        FileLoader.Context ctx = parent.context();
        List<Path> chain = new ArrayList<>(ctx.includeChain());
        if (!file.isStdin()) {
            chain.add(file.path());
        }
        // Checked before the included project's environment is read: a path that is no file (the
        // root directory included) has no folder to read a .env from.
        for (int i = 0; i < files.size(); i++) {
            Path path = files.get(i);
            if (chain.contains(path)) {
                List<String> cycle = new ArrayList<>(chain.stream().map(Path::toString).toList());
                cycle.add(path.toString());
                throw new StackException(paths.get(i).location() + ": include cycle detected: "
                        + String.join(" -> ", cycle));
            }
            Optional<String> problem = PathCheck.problem(path);
            if (problem.isPresent()) {
                throw new StackException(paths.get(i).location() + ": included file " + path + " "
                        + (PathCheck.missing(problem) ? "not found" : problem.get()));
            }
        }
        boolean noEnvFile = !envFiles.isEmpty() && envFiles.stream().allMatch(DEV_NULL::equals);
        InterpolationEnvironment own = noEnvFile ? ctx.environment()
                : InterpolationEnvironment.load(ctx.environment().variables(),
                        envFiles.stream().filter(f -> !f.equals(DEV_NULL)).toList(), List.of(projectDir));
        FileLoader child = new FileLoader(new FileLoader.Context(ctx.stages(), own, ctx.interpolate(), ctx.homeDir(),
                projectDir, ctx.sources(), ctx.warnings(), List.copyOf(chain), ctx.validate(), ctx.resolvePaths(),
                ctx.resolveEnvironment()));
        MapNode model = MapNode.empty(entry.location());
        for (Path path : files) {
            model = Merger.merge(model, child.load(ConfigFile.of(path), projectDir));
        }
        // The included project's services take their container environment from its own
        // environment (its env_file), not the including project's.
        if (ctx.resolveEnvironment()) {
            model = new EnvironmentResolver(own, projectDir).resolve(model);
        }
        // Without resolution the loader leaves env_file for the whole model at the end.
        MapNode out = model;
        for (String key : model.keys()) {
            if (!RESOURCES.contains(key)) {
                out = out.without(key);
            }
        }
        return out;
    }

    private static List<ScalarNode> strings(Node node) {
        List<ScalarNode> out = new ArrayList<>();
        if (node instanceof ScalarNode s && s.isString()) {
            out.add(s);
        } else if (node instanceof SeqNode seq) {
            for (Node item : seq.items()) {
                if (item instanceof ScalarNode s && s.isString()) {
                    out.add(s);
                } else if (item instanceof MapNode m && m.get("path") instanceof ScalarNode p && p.isString()) {
                    out.add(p);
                }
            }
        }
        return out;
    }
}
