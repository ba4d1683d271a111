package dev.berth.cli.engine;

import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code berth engine logs [--follow] CONTAINER}: the container's stdout to stdout and its stderr
 * to stderr, like {@code docker logs} (no {@code -f}: berth's global -f names a stack file), rotated
 * files first. With {@code --follow} it goes on printing until the container stops. The monitor's
 * warnings about the log (output it could not write) follow on stderr.
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
    public Integer call() {
        LogPrinter printer = new LogPrinter(spec.commandLine().getOut(), spec.commandLine().getErr());
        printer.finish(engine.engine().logs(container, follow, printer));
        return 0;
    }
}
