package dev.berth.cli.engine;

import dev.berth.engine.Engine;
import picocli.CommandLine.Command;

/** {@code berth engine pause CONTAINER...}: freezes every process (cgroup freezer), like {@code docker pause}. */
@Command(name = "pause", mixinStandardHelpOptions = true, description = "Pause all processes of containers.")
public final class PauseCommand extends ContainerVerb {

    @Override
    void apply(Engine engine, String container) {
        engine.pause(container);
    }
}
