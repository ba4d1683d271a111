package dev.berth.planner.load.canonical;

import java.nio.file.Path;

import dev.berth.planner.tree.LocatedPaths;
import dev.berth.planner.tree.Location;

/**
 * Resolves host paths written in a stack file: {@code ~} against the home folder, relative paths
 * against the file's folder; or, when {@code enabled} is false ({@code --no-path-resolution}),
 * keeps them as written, {@code ~} too, as compose-go does without {@code WithResolvedPaths}.
 */
record PathResolver(Path baseDir, Path homeDir, boolean enabled) {

    /**
     * {@code path} absolute and normalised (as written when not {@code enabled}); a path the file
     * system refuses is an error located at {@code where}.
     */
    String resolve(String path, Location where) {
        if (!enabled) {
            return path;
        }
        if (path.equals("~")) {
            return homeDir.toString();
        }
        if (path.startsWith("~/")) {
            return LocatedPaths.resolve(homeDir, path.substring(2), where).toString();
        }
        return LocatedPaths.resolve(baseDir, path, where).toString();
    }

    /** True for a build context that is a remote location rather than a folder. */
    static boolean isRemote(String context) {
        return context.contains("://") || context.startsWith("git@") || context.startsWith("github.com/");
    }
}
