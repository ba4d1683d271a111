package dev.berth.cli.engine;

import java.util.List;
import java.util.concurrent.Callable;

import dev.berth.engine.runtime.Signals;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code berth engine kill [-s SIGNAL] CONTAINER...}: a signal to each container's PID 1, like {@code docker kill}. */
@Command(name = "kill", mixinStandardHelpOptions = true, description = "Send a signal to running containers.")
public final class KillCommand implements Callable<Integer> {

    @ParentCommand
    EngineCommand engine;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-s", "--signal"}, paramLabel = "SIGNAL", description = "Signal name or number (default: KILL).")
    String signal = "KILL";

    @Parameters(arity = "1..*", paramLabel = "CONTAINER", description = "Container IDs, ID prefixes or names.")
    List<String> containers;

    @Override
    public Integer call() {
        int number = Signals.parse(signal);
        return EachContainer.apply(containers, spec, ref -> engine.engine().runtime().kill(ref, number));
    }
}
