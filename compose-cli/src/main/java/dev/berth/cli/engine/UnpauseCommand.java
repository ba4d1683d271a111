package dev.berth.cli.engine;

import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code berth engine unpause CONTAINER...}: thaws a paused container, like {@code docker unpause}. */
@Command(name = "unpause", mixinStandardHelpOptions = true, description = "Unpause all processes of containers.")
public final class UnpauseCommand implements Callable<Integer> {

    @ParentCommand
    EngineCommand engine;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "CONTAINER", description = "Container IDs, ID prefixes or names.")
    List<String> containers;

    @Override
    public Integer call() {
        return EachContainer.apply(containers, spec, ref -> engine.engine().runtime().unpause(ref));
    }
}
