package dev.berth.cli.engine;

import dev.berth.engine.Engine;
import picocli.CommandLine.Command;

/** {@code berth engine unpause CONTAINER...}: thaws a paused container, like {@code docker unpause}. */
@Command(name = "unpause", mixinStandardHelpOptions = true, description = "Unpause all processes of containers.")
public final class UnpauseCommand extends ContainerVerb {

    @Override
    void apply(Engine engine, String container) {
        engine.unpause(container);
    }
}
