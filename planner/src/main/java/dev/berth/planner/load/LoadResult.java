package dev.berth.planner.load;

import java.nio.file.Path;
import java.util.List;

import dev.berth.planner.load.env.InterpolationEnvironment;
import dev.berth.planner.tree.MapNode;

/**
 * A loaded project.
 *
 * @param model       the final canonical model, with the project name as top-level {@code name}
 * @param projectName the resolved project name
 * @param workingDir  the project directory (relative paths were resolved against it)
 * @param configFiles the stack files loaded, as absolute paths ({@code -} for standard input)
 * @param warnings    warnings for the user, each once, in the order they arose
 * @param environment the interpolation environment
 * @param profiles    every profile the services name, sorted (for {@code config --profiles})
 */
public record LoadResult(MapNode model, String projectName, Path workingDir, List<String> configFiles,
                         List<String> warnings, InterpolationEnvironment environment, List<String> profiles) {

    public LoadResult {
        configFiles = List.copyOf(configFiles);
        warnings = List.copyOf(warnings);
        profiles = List.copyOf(profiles);
    }
}
