package dev.berth.cli.engine;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import dev.berth.engine.VolumeView;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code berth engine volume ls [-q] [--filter K=V]}, like {@code docker volume ls}, sorted by name. */
@Command(name = "ls", aliases = "list", mixinStandardHelpOptions = true, description = "List volumes.")
public final class VolumeListCommand implements Callable<Integer> {

    @ParentCommand
    VolumeCommand volume;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-q", "--quiet"}, description = "Only print the names.")
    boolean quiet;

    @Option(names = "--filter", paramLabel = "KEY=VALUE", description = "name=TEXT or label=KEY[=VALUE]. Repeatable.")
    List<String> filters = List.of();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<VolumeView> volumes = volume.engine.engine().volumes(filters);
        if (!quiet) {
            out.printf("%-8s  %s%n", "DRIVER", "VOLUME NAME");
        }
        for (VolumeView v : volumes) {
            out.println(quiet ? v.name() : String.format("%-8s  %s", v.driver(), v.name()));
        }
        out.flush();
        return 0;
    }
}
