package dev.berth.cli.engine;

import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code berth engine rm [--force] [-v] CONTAINER...}, like {@code docker rm}. */
@Command(name = "rm", mixinStandardHelpOptions = true, description = "Remove containers.")
public final class RmCommand implements Callable<Integer> {

    @ParentCommand
    EngineCommand engine;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--force", description = "Kill a running container first (no -f: berth's global -f names a stack file).")
    boolean force;

    @Option(names = {"-v", "--volumes"}, description = "Remove the container's anonymous volumes too.")
    boolean volumes;

    @Parameters(arity = "1..*", paramLabel = "CONTAINER", description = "Container IDs, ID prefixes or names.")
    List<String> containers;

    @Override
    public Integer call() {
        return EachContainer.apply(containers, spec, ref -> engine.engine().remove(ref, force, volumes));
    }
}
