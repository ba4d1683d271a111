package dev.berth.cli.engine;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import dev.berth.engine.core.EngineException;
import dev.berth.engine.ExecRequest;
import dev.berth.engine.ExecResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code berth engine exec CONTAINER COMMAND...}: runs a further process in a running container
 * and exits with its exit code, like {@code docker exec} (126/127 when it cannot be run, 125 when
 * the container is not running or paused). Its output is printed once it has ended.
 */
@Command(name = "exec", mixinStandardHelpOptions = true, modelTransformer = StopAtCommand.class,
        description = "Run a command in a running container.")
public final class ExecCommand implements Callable<Integer>, ChangesEngineState {

    @ParentCommand
    EngineCommand engine;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-e", "--env"}, paramLabel = "NAME=VALUE", description = "Environment variable. Repeatable.")
    List<String> env = new ArrayList<>();

    @Option(names = {"-w", "--workdir"}, paramLabel = "DIR", description = "Working directory.")
    String workdir;

    @Option(names = "--privileged", description = "All capabilities and no seccomp for this process.")
    boolean privileged;

    @Parameters(index = "0", paramLabel = "CONTAINER", description = "Container ID, ID prefix or name.")
    String container;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "COMMAND", description = "Command and arguments.")
    List<String> command;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ExecResult result;
        try {
            result = engine.engine().exec(container, new ExecRequest(command, env, workdir, privileged));
        } catch (EngineException e) {
            return RunCommand.refused(err, e);
        }
        out.print(result.stdout());
        err.print(result.stderr());
        out.flush();
        err.flush();
        return result.exitCode();
    }
}
