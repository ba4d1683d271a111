package dev.berth.planner.load.project;

import java.nio.file.Path;

/**
 * One stack file to load: how errors name it, and its absolute path ({@code null} for standard
 * input, named {@code -}).
 */
public record ConfigFile(String name, Path path) {

    /** The name standard input goes by. */
    public static final String STDIN = "-";

    public static ConfigFile stdin() {
        return new ConfigFile(STDIN, null);
    }

    public static ConfigFile of(Path path) {
        return new ConfigFile(path.toString(), path);
    }

    public boolean isStdin() {
        return path == null;
    }
}
