package dev.berth.planner.tree;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

import dev.berth.planner.StackException;

/** Resolves a path written in a stack file, turning a malformed one into a located error. */
public final class LocatedPaths {

    private LocatedPaths() {
    }

    /** {@code name} resolved against {@code dir}, absolute and normalised. */
    public static Path resolve(Path dir, String name, Location where) {
        try {
            return dir.resolve(name).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new StackException(where + ": \"" + name + "\" is not a valid path: " + e.getReason(), e);
        }
    }
}
