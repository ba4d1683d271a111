package dev.berth.planner.load;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SequencedSet;
import java.util.Set;

import dev.berth.planner.StackException;
import dev.berth.planner.load.env.EnvironmentResolver;
import dev.berth.planner.load.env.InterpolationEnvironment;
import dev.berth.planner.load.interpolate.Template;
import dev.berth.planner.load.interpolate.TemplateException;
import dev.berth.planner.load.merge.Merger;
import dev.berth.planner.load.project.ConfigFile;
import dev.berth.planner.load.project.ProjectFiles;
import dev.berth.planner.load.project.ProjectName;
import dev.berth.planner.tree.LocatedPaths;
import dev.berth.planner.tree.Location;
import dev.berth.planner.tree.MapNode;
import dev.berth.planner.tree.ScalarNode;

/**
 * Loads a project as Docker Compose does (compose.md 1.2): finds the stack files and the
 * interpolation environment, runs each document of each file through the per-file pipeline and
 * merges them, then resolves the container environment, normalises, selects profiles and checks
 * consistency. Every failure is a {@link StackException} whose message names the file, and the
 * line and column where known.
 */
public final class ProjectLoader {

    private static final Set<String> NOT_CONTENT = Set.of("name", "version");
    private static final String PROJECT_NAME_VARIABLE = "COMPOSE_PROJECT_NAME";

    private final ModelStages stages;

    public ProjectLoader(ModelStages stages) {
        this.stages = stages;
    }

    public LoadResult load(LoadOptions options) {
        Path cwd = options.workingDir();
        Path startDir = options.projectDirectory() == null ? cwd : cwd.resolve(options.projectDirectory()).normalize();
        List<Path> envFiles = options.envFiles().stream()
                .map(f -> LocatedPaths.resolve(cwd, f, Location.of("--env-file"))).toList();
        InterpolationEnvironment environment = InterpolationEnvironment.load(options.osEnvironment(), envFiles,
                List.of(startDir));

        SequencedSet<String> warnings = new LinkedHashSet<>();
        List<ConfigFile> files = ProjectFiles.resolve(options.files(), options.files().isEmpty() ? startDir : cwd,
                environment.variables(), warnings::add);
        Path projectDir = options.projectDirectory() != null ? startDir
                : files.getFirst().isStdin() ? cwd : files.getFirst().path().getParent();
        if (envFiles.isEmpty() && !projectDir.equals(startDir)) {
            environment = InterpolationEnvironment.load(options.osEnvironment(), List.of(), List.of(startDir, projectDir));
        }

        SourceReader sources = new SourceReader(options.stdin());
        String name = projectName(options.projectName(), environment.get(PROJECT_NAME_VARIABLE),
                nameFromFiles(files, sources, environment, options.interpolate()), projectDir);
        // compose-go sets it to the name decided, even over the OS environment (loader.go projectName).
        environment = environment.with(PROJECT_NAME_VARIABLE, name);

        FileLoader loader = new FileLoader(new FileLoader.Context(stages, environment, options.interpolate(),
                options.homeDir(), projectDir, sources, warnings, List.of(), options.validate(), options.resolvePaths(),
                options.resolveEnvironment()));
        MapNode model = MapNode.empty(Location.of(files.getFirst().name()));
        for (ConfigFile file : files) {
            model = Merger.merge(model, loader.load(file, projectDir));
        }
        if (model.keys().stream().allMatch(NOT_CONTENT::contains)) {
            throw new StackException(files.getFirst().name() + ": empty compose file; define at least one service");
        }

        model = model.with("name", ScalarNode.of(name, model.has("name") ? model.get("name").location()
                : Location.NONE));
        model = options.resolveEnvironment() ? new EnvironmentResolver(environment, projectDir).resolve(model)
                : EnvironmentResolver.unresolved(model);
        if (options.normalize()) {
            model = stages.normalize(model, name, projectDir, options.resolvePaths());
        }
        List<String> allProfiles = Profiles.all(model);
        model = Profiles.apply(model, Profiles.active(options.profiles(), environment.get("COMPOSE_PROFILES")),
                options.services());
        if (options.consistency()) {
            stages.check(model);
        }

        List<String> configFiles = new ArrayList<>();
        files.forEach(f -> configFiles.add(f.isStdin() ? ConfigFile.STDIN : f.path().toString()));
        return new LoadResult(model, name, projectDir, configFiles, List.copyOf(warnings), environment, allProfiles);
    }

    /**
     * The project name by precedence ({@link ProjectName#resolve}); when the stack file's
     * {@code name:} decides it and is refused, the error points at that value.
     */
    private static String projectName(String flag, String fromEnvironment, ScalarNode fromFile, Path projectDir) {
        String fileName = fromFile == null ? null : fromFile.asText();
        try {
            return ProjectName.resolve(flag, fromEnvironment, fileName, projectDir);
        } catch (StackException e) {
            boolean fileDecides = (flag == null || flag.isEmpty()) && (fromEnvironment == null || fromEnvironment.isEmpty())
                    && fileName != null && !fileName.isEmpty();
            if (fileDecides) {
                throw new StackException(fromFile.location() + ": name: " + e.getMessage(), e);
            }
            throw e;
        }
    }

    /**
     * The top-level {@code name:} of the last document that has one, interpolated, or null: the
     * name must be known before the files are interpolated, because they may use
     * {@code ${COMPOSE_PROJECT_NAME}} (compose-go {@code loader/loader.go:projectName}).
     */
    private static ScalarNode nameFromFiles(List<ConfigFile> files, SourceReader sources,
                                            InterpolationEnvironment environment, boolean interpolate) {
        ScalarNode found = null;
        for (ConfigFile file : files) {
            for (MapNode doc : sources.documents(file)) {
                if (doc.get("name") instanceof ScalarNode s && s.value() != null) {
                    String name = s.asText();
                    if (interpolate) {
                        try {
                            name = new Template(environment.variables(), unset -> { }).substitute(name);
                        } catch (TemplateException e) {
                            throw new StackException(s.location() + ": " + (e.invalidFormat()
                                    ? "invalid interpolation format for name: \"" + e.getMessage()
                                    + "\"; you may need to escape any $ with another $" : e.getMessage()));
                        }
                    }
                    found = s.withValue(name);
                }
            }
        }
        return found;
    }
}
