package dev.berth.cli.engine;

import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code berth engine pause CONTAINER...}: freezes every process (cgroup freezer), like {@code docker pause}. */
@Command(name = "pause", mixinStandardHelpOptions = true, description = "Pause all processes of containers.")
public final class PauseCommand implements Callable<Integer> {

    @ParentCommand
    EngineCommand engine;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "CONTAINER", description = "Container IDs, ID prefixes or names.")
    List<String> containers;

    @Override
    public Integer call() {
        return EachContainer.apply(containers, spec, ref -> engine.engine().runtime().pause(ref));
    }
}
