package dev.berth.planner.load;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What to load, as Compose's global options and the process give it.
 *
 * @param files            {@code -f} names as typed ({@code -} for standard input); empty to use
 *                         {@code COMPOSE_FILE} or the default names
 * @param projectName      {@code -p}, or null
 * @param projectDirectory {@code --project-directory}, or null
 * @param envFiles         {@code --env-file} paths as typed, in order
 * @param profiles         {@code --profile} values, in order
 * @param services         services named on the command line (they enable their profiles)
 * @param workingDir       the current directory relative names are resolved against
 * @param osEnvironment    the process environment
 * @param stdin            supplies standard input for {@code -f -} (null when there is none); it is
 *                         read once, to its end or to the stack file size limit
 * @param interpolate      false for {@code --no-interpolate}
 * @param normalize        false for {@code --no-normalize}
 * @param homeDir          what {@code ~} stands for in paths
 * @param resolvePaths     false for {@code --no-path-resolution}: host paths stay as written,
 *                         {@code ~} included (compose-go {@code WithResolvedPaths(false)})
 * @param resolveEnvironment false for {@code --no-env-resolution}: services' {@code env_file}
 *                         entries are kept and not read into {@code environment}
 * @param consistency      false for {@code --no-consistency}: the merged model is not checked
 *                         for undefined references, cycles and exclusive keys
 * @param validate         false to skip the schema validation of each document (for
 *                         {@code config --variables}, which reads the model uninterpolated)
 */
public record LoadOptions(List<String> files, String projectName, Path projectDirectory, List<String> envFiles,
                          List<String> profiles, List<String> services, Path workingDir,
                          Map<String, String> osEnvironment, Supplier<InputStream> stdin, boolean interpolate,
                          boolean normalize, Path homeDir, boolean resolvePaths,
                          boolean resolveEnvironment, boolean consistency, boolean validate) {

    public LoadOptions {
        files = List.copyOf(files);
        envFiles = List.copyOf(envFiles);
        profiles = List.copyOf(profiles);
        services = List.copyOf(services);
        osEnvironment = Map.copyOf(osEnvironment);
        workingDir = Objects.requireNonNull(workingDir, "workingDir").toAbsolutePath().normalize();
        Objects.requireNonNull(homeDir, "homeDir");
    }

    /**
     * Default options for {@code workingDir} and {@code osEnvironment}: default files; interpolation,
     * validation, normalisation, path and environment resolution and the consistency check on.
     */
    public static LoadOptions defaults(Path workingDir, Map<String, String> osEnvironment, Path homeDir) {
        return new LoadOptions(List.of(), null, null, List.of(), List.of(), List.of(), workingDir, osEnvironment,
                () -> null, true, true, homeDir, true, true, true, true);
    }

    public LoadOptions withFiles(List<String> newFiles) {
        return new LoadOptions(newFiles, projectName, projectDirectory, envFiles, profiles, services, workingDir,
                osEnvironment, stdin, interpolate, normalize, homeDir, resolvePaths,
                resolveEnvironment, consistency, validate);
    }

    public LoadOptions withProjectName(String name) {
        return new LoadOptions(files, name, projectDirectory, envFiles, profiles, services, workingDir,
                osEnvironment, stdin, interpolate, normalize, homeDir, resolvePaths,
                resolveEnvironment, consistency, validate);
    }

    public LoadOptions withProjectDirectory(Path dir) {
        return new LoadOptions(files, projectName, dir, envFiles, profiles, services, workingDir,
                osEnvironment, stdin, interpolate, normalize, homeDir, resolvePaths,
                resolveEnvironment, consistency, validate);
    }

    public LoadOptions withEnvFiles(List<String> newEnvFiles) {
        return new LoadOptions(files, projectName, projectDirectory, newEnvFiles, profiles, services, workingDir,
                osEnvironment, stdin, interpolate, normalize, homeDir, resolvePaths,
                resolveEnvironment, consistency, validate);
    }

    public LoadOptions withProfiles(List<String> newProfiles) {
        return new LoadOptions(files, projectName, projectDirectory, envFiles, newProfiles, services, workingDir,
                osEnvironment, stdin, interpolate, normalize, homeDir, resolvePaths,
                resolveEnvironment, consistency, validate);
    }

    public LoadOptions withServices(List<String> newServices) {
        return new LoadOptions(files, projectName, projectDirectory, envFiles, profiles, newServices, workingDir,
                osEnvironment, stdin, interpolate, normalize, homeDir, resolvePaths,
                resolveEnvironment, consistency, validate);
    }

    public LoadOptions withStdin(Supplier<InputStream> newStdin) {
        return new LoadOptions(files, projectName, projectDirectory, envFiles, profiles, services, workingDir,
                osEnvironment, newStdin, interpolate, normalize, homeDir, resolvePaths,
                resolveEnvironment, consistency, validate);
    }

    public LoadOptions withInterpolate(boolean on) {
        return new LoadOptions(files, projectName, projectDirectory, envFiles, profiles, services, workingDir,
                osEnvironment, stdin, on, normalize, homeDir, resolvePaths,
                resolveEnvironment, consistency, validate);
    }

    public LoadOptions withNormalize(boolean on) {
        return new LoadOptions(files, projectName, projectDirectory, envFiles, profiles, services, workingDir,
                osEnvironment, stdin, interpolate, on, homeDir, resolvePaths, resolveEnvironment,
                consistency, validate);
    }

    public LoadOptions withResolvePaths(boolean on) {
        return new LoadOptions(files, projectName, projectDirectory, envFiles, profiles, services, workingDir,
                osEnvironment, stdin, interpolate, normalize, homeDir, on, resolveEnvironment, consistency, validate);
    }

    public LoadOptions withResolveEnvironment(boolean on) {
        return new LoadOptions(files, projectName, projectDirectory, envFiles, profiles, services, workingDir,
                osEnvironment, stdin, interpolate, normalize, homeDir, resolvePaths, on, consistency, validate);
    }

    public LoadOptions withConsistency(boolean on) {
        return new LoadOptions(files, projectName, projectDirectory, envFiles, profiles, services, workingDir,
                osEnvironment, stdin, interpolate, normalize, homeDir, resolvePaths, resolveEnvironment, on, validate);
    }

    public LoadOptions withValidate(boolean on) {
        return new LoadOptions(files, projectName, projectDirectory, envFiles, profiles, services, workingDir,
                osEnvironment, stdin, interpolate, normalize, homeDir, resolvePaths, resolveEnvironment, consistency,
                on);
    }
}
