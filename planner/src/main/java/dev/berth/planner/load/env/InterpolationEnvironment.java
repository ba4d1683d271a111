package dev.berth.planner.load.env;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.berth.planner.StackException;
import dev.berth.planner.load.text.PathCheck;

/**
 * The variables stack files are interpolated with (compose.md 1.4.7): the OS environment wins over
 * values read from env files; {@code --env-file} files (later ones win among themselves) replace
 * the default {@code .env}; {@code COMPOSE_DISABLE_ENV_FILE} turns the default {@code .env} off.
 * Each env file's values are themselves interpolated against the OS environment, then against what
 * was read before them. The map is immutable.
 */
public record InterpolationEnvironment(Map<String, String> variables) {

    /** The variable that turns the default {@code .env} file off when true. */
    public static final String DISABLE_ENV_FILE = "COMPOSE_DISABLE_ENV_FILE";

    public InterpolationEnvironment {
        variables = Map.copyOf(variables);
    }

    /**
     * The environment from {@code osEnv} plus either {@code envFiles} (each must exist) or, when
     * there are none, the {@code .env} of the first directory of {@code dotEnvDirs} that has one
     * and then of the others, an earlier value never overwritten.
     */
    public static InterpolationEnvironment load(Map<String, String> osEnv, List<Path> envFiles,
                                                Collection<Path> dotEnvDirs) {
        Map<String, String> fromFiles = new LinkedHashMap<>();
        if (!envFiles.isEmpty()) {
            for (Path f : envFiles) {
                Optional<String> problem = PathCheck.problem(f);
                if (PathCheck.missing(problem)) {
                    throw new StackException("couldn't find env file: " + f + " (check the --env-file option)");
                }
                if (problem.isPresent()) {
                    throw new StackException(f + ": " + problem.get() + " (check the --env-file option)");
                }
                fromFiles.putAll(EnvFileReader.read(f, false, name -> lookup(osEnv, fromFiles, name)));
            }
        } else if (!disabled(osEnv)) {
            for (Path dir : new LinkedHashSet<>(dotEnvDirs)) {
                Path dotEnv = dir.resolve(".env");
                Optional<String> problem = PathCheck.problem(dotEnv);
                // Like Compose (cli/options.go WithEnvFiles), a missing .env or a folder of that name
                // is no .env; anything else named so is an error.
                if (PathCheck.missing(problem) || Files.isDirectory(dotEnv)) {
                    continue;
                }
                if (problem.isPresent()) {
                    throw new StackException(dotEnv + ": " + problem.get() + " (berth reads the .env file of the "
                            + "project folder; set COMPOSE_DISABLE_ENV_FILE=1 to skip it)");
                }
                EnvFileReader.read(dotEnv, false, name -> lookup(osEnv, fromFiles, name))
                        .forEach(fromFiles::putIfAbsent);
            }
        }
        Map<String, String> all = new LinkedHashMap<>(fromFiles);
        all.putAll(osEnv);
        return new InterpolationEnvironment(all);
    }

    /** This environment with {@code name} set to {@code value}, whatever it was before. */
    public InterpolationEnvironment with(String name, String value) {
        Map<String, String> all = new LinkedHashMap<>(variables);
        all.put(name, value);
        return new InterpolationEnvironment(all);
    }

    public String get(String name) {
        return variables.get(name);
    }

    private static boolean disabled(Map<String, String> osEnv) {
        String v = osEnv.get(DISABLE_ENV_FILE);
        return v != null && Set.of("1", "t", "true").contains(v.toLowerCase(Locale.ROOT));
    }

    private static String lookup(Map<String, String> osEnv, Map<String, String> read, String name) {
        String v = osEnv.get(name);
        return v != null ? v : read.get(name);
    }
}
