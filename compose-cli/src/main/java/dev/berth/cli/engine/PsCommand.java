package dev.berth.cli.engine;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import dev.berth.engine.ContainerView;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code berth engine ps}: the containers, like {@code docker ps}: ID, name, status; newest first. */
@Command(name = "ps", mixinStandardHelpOptions = true, description = "List containers (running ones unless -a).")
public final class PsCommand implements Callable<Integer> {

    @ParentCommand
    EngineCommand engine;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-a", "--all"}, description = "Show stopped and created containers too.")
    boolean all;

    @Option(names = {"-q", "--quiet"}, description = "Only print the short IDs.")
    boolean quiet;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<ContainerView> containers = engine.engine().list().stream()
                .filter(c -> all || c.running()).toList();
        if (!quiet) {
            out.printf("%-12s   %-10s   %-9s   %s%n", "CONTAINER ID", "STATUS", "EXIT CODE", "NAMES");
        }
        for (ContainerView c : containers) {
            if (quiet) {
                out.println(c.shortId());
            } else {
                out.printf("%-12s   %-10s   %-9s   %s%n", c.shortId(), c.status(),
                        c.running() ? "" : Integer.toString(c.exitCode()), c.name());
            }
        }
        out.flush();
        return 0;
    }
}
