package dev.berth.planner.load.project;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import dev.berth.planner.StackException;
import dev.berth.planner.load.text.PathCheck;
import dev.berth.planner.tree.LocatedPaths;
import dev.berth.planner.tree.Location;

/**
 * Finds the stack files (compose.md 1.4.8, compose-go {@code cli/options.go}): the {@code -f}
 * files as given; else {@code COMPOSE_FILE} split on {@code COMPOSE_PATH_SEPARATOR} (the OS path
 * list separator by default); else the first default file name found in the working directory or
 * the nearest parent that has one, with its override file beside it. {@code -} is standard input.
 * A file named that is no regular file (missing, a folder, a device, a symbolic link loop) is an
 * error that says which.
 */
public final class ProjectFiles {

    /** Default stack file names, in the order they are looked for. */
    public static final List<String> DEFAULT_NAMES =
            List.of("compose.yaml", "compose.yml", "docker-compose.yml", "docker-compose.yaml");

    /** Default override file names, in the order they are looked for. */
    public static final List<String> OVERRIDE_NAMES = List.of("compose.override.yml", "compose.override.yaml",
            "docker-compose.override.yml", "docker-compose.override.yaml");

    private ProjectFiles() {
    }

    /**
     * The files to load, with absolute paths. {@code workingDir} resolves relative names and is
     * where the search starts; {@code environment} supplies {@code COMPOSE_FILE}; warnings about
     * several candidate files go to {@code warnings}.
     */
    public static List<ConfigFile> resolve(List<String> files, Path workingDir, Map<String, String> environment,
                                           Consumer<String> warnings) {
        List<String> names = files;
        if (names.isEmpty()) {
            String composeFile = environment.get("COMPOSE_FILE");
            if (composeFile != null && !composeFile.isEmpty()) {
                String sep = environment.getOrDefault("COMPOSE_PATH_SEPARATOR", File.pathSeparator);
                names = Arrays.stream(composeFile.split(Pattern.quote(sep.isEmpty() ? File.pathSeparator : sep)))
                        .filter(n -> !n.isBlank()).toList();
            }
        }
        if (names.isEmpty()) {
            return discover(workingDir, warnings);
        }
        List<ConfigFile> out = new ArrayList<>();
        for (String name : names) {
            if (name.equals(ConfigFile.STDIN)) {
                out.add(ConfigFile.stdin());
                continue;
            }
            Path path = LocatedPaths.resolve(workingDir, name, Location.of("-f"));
            PathCheck.problem(path).ifPresent(problem -> {
                throw new StackException(path + ": " + problem + "; check the -f option or COMPOSE_FILE");
            });
            out.add(ConfigFile.of(path));
        }
        return out;
    }

    private static List<ConfigFile> discover(Path workingDir, Consumer<String> warnings) {
        for (Path dir = workingDir.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            Path main = first(dir, DEFAULT_NAMES, warnings);
            if (main != null) {
                List<ConfigFile> out = new ArrayList<>(List.of(found(main)));
                Path override = first(dir, OVERRIDE_NAMES, warnings);
                if (override != null) {
                    out.add(found(override));
                }
                return out;
            }
        }
        throw new StackException("no configuration file provided: not found (looked for "
                + String.join(", ", DEFAULT_NAMES) + " in " + workingDir.toAbsolutePath().normalize()
                + " and its parents; name one with -f)");
    }

    /** A file found by its default name; like Compose, berth takes whatever has the name, and says what it is. */
    private static ConfigFile found(Path path) {
        PathCheck.problem(path).ifPresent(problem -> {
            throw new StackException(path + ": " + problem + " (found by its default stack file name; "
                    + "rename it, or name a stack file with -f)");
        });
        return ConfigFile.of(path);
    }

    /** The first of {@code candidates} that exists in {@code dir} (compose-go {@code cli/options.go} findFiles). */
    private static Path first(Path dir, List<String> candidates, Consumer<String> warnings) {
        List<Path> found = new ArrayList<>();
        for (String name : candidates) {
            Path p = dir.resolve(name);
            if (Files.exists(p)) {
                found.add(p);
            }
        }
        if (found.size() > 1) {
            warnings.accept("Found multiple config files with supported names: " + String.join(", ",
                    found.stream().map(Path::toString).toList()) + "\nUsing " + found.getFirst());
        }
        return found.isEmpty() ? null : found.getFirst();
    }
}
