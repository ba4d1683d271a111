package dev.berth.cli;

import dev.berth.cli.output.Warnings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import dev.berth.planner.load.LoadOptions;
import dev.berth.planner.load.LoadResult;
import dev.berth.planner.load.ProjectLoader;
import dev.berth.planner.load.StandardStages;

/**
 * Loads the stack every verb works on: maps Compose's global options ({@code -f}, {@code -p},
 * {@code --project-directory}, {@code --env-file}, {@code --profile}) and the process (environment,
 * current and home folders, standard input for {@code -f -}) onto {@link LoadOptions}, runs the
 * {@link ProjectLoader} and prints its warnings on standard error. Failures are
 * {@link dev.berth.planner.StackException}s, which {@link ExitCodes} turns into one line and exit 1.
 */
public final class StackLoading {

    private final GlobalOptions global;
    private final ProcessContext process;

    public StackLoading(GlobalOptions global, ProcessContext process) {
        this.global = global;
        this.process = process;
    }

    /** The load options the global options and the process ask for. */
    public LoadOptions options() {
        Path projectDirectory = global.projectDirectory() == null ? null
                : process.workingDir().resolve(global.projectDirectory()).normalize();
        List<String> envFiles = global.envFiles().stream().map(Path::toString).toList();
        return new LoadOptions(global.files(), global.projectName(), projectDirectory, envFiles, global.profiles(),
                List.of(), process.workingDir(), environment(), process.stdin(), true, true,
                process.homeDir(), true, true, true, true);
    }

    /**
     * The process environment, with {@code PWD} set to the current folder when it is missing, as
     * Docker Compose adds it (cmd/compose/compose.go toProjectOptions) before reading {@code .env}.
     */
    private Map<String, String> environment() {
        Map<String, String> environment = process.environment();
        if (environment.containsKey("PWD")) {
            return environment;
        }
        Map<String, String> withPwd = new HashMap<>(environment);
        withPwd.put("PWD", process.workingDir().toString());
        return withPwd;
    }

    /** Loads the stack with {@link #options()} adjusted by the verb, printing warnings to {@code err}. */
    public LoadResult load(UnaryOperator<LoadOptions> adjust, PrintWriter err) {
        LoadOptions options = adjust.apply(options());
        LoadResult result = new ProjectLoader(new StandardStages()).load(options);
        Warnings.print(err, result.warnings());
        return result;
    }

    /** Loads the stack as the global options ask, printing warnings to {@code err}. */
    public LoadResult load(PrintWriter err) {
        return load(UnaryOperator.identity(), err);
    }
}
