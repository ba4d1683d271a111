package dev.berth.cli.engine;

import java.time.Duration;

import dev.berth.engine.Engine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code berth engine stop [-t N] CONTAINER...}: stop signal, grace period, then SIGKILL, like {@code docker stop}. */
@Command(name = "stop", mixinStandardHelpOptions = true, description = "Stop running containers.")
public final class StopCommand extends ContainerVerb {

    @Option(names = {"-t", "--time"}, paramLabel = "SECONDS",
            description = "Grace period before SIGKILL (default: the container's, else 10).")
    Integer seconds;

    @Override
    void apply(Engine engine, String container) {
        engine.stop(container, seconds == null ? null : Duration.ofSeconds(seconds));
    }
}
