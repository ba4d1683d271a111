package dev.berth.cli.engine;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import dev.berth.engine.runtime.LogEntry;
import dev.berth.engine.runtime.Runtime;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code berth engine logs [--follow] CONTAINER}: the container's stdout to stdout and its stderr
 * to stderr, like {@code docker logs} (no {@code -f}: berth's global -f names a stack file). With
 * {@code --follow} it prints the current log file from its start (rotated files are not repeated).
 */
@Command(name = "logs", mixinStandardHelpOptions = true, description = "Print a container's log.")
public final class LogsCommand implements Callable<Integer> {

    @ParentCommand
    EngineCommand engine;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--follow", description = "Keep printing until the container stops.")
    boolean follow;

    @Parameters(index = "0", paramLabel = "CONTAINER", description = "Container ID, ID prefix or name.")
    String container;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Runtime runtime = engine.engine().runtime();
        if (follow) {
            new JsonLogFollower(runtime.logFile(container), out, err)
                    .follow(() -> !runtime.inspect(container).running());
        } else {
            runtime.logs(container).forEach(e -> print(e, out, err));
        }
        out.flush();
        err.flush();
        return 0;
    }

    private static void print(LogEntry e, PrintWriter out, PrintWriter err) {
        (e.stream().equals("stderr") ? err : out).print(e.log());
    }
}
