package dev.berth.cli.engine;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

import dev.berth.engine.runtime.Runtime;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code berth engine stop [-t N] CONTAINER...}: stop signal, grace period, then SIGKILL, like {@code docker stop}. */
@Command(name = "stop", mixinStandardHelpOptions = true, description = "Stop running containers.")
public final class StopCommand implements Callable<Integer> {

    @ParentCommand
    EngineCommand engine;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-t", "--time"}, paramLabel = "SECONDS",
            description = "Grace period before SIGKILL (default: the container's, else 10).")
    Integer seconds;

    @Parameters(arity = "1..*", paramLabel = "CONTAINER", description = "Container IDs, ID prefixes or names.")
    List<String> containers;

    @Override
    public Integer call() {
        Runtime runtime = engine.engine().runtime();
        return EachContainer.apply(containers, spec, ref -> {
            if (seconds == null) {
                runtime.stop(ref);
            } else {
                runtime.stop(ref, Duration.ofSeconds(seconds));
            }
        });
    }
}
