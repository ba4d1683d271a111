package dev.berth.cli.engine;

import java.util.List;
import java.util.concurrent.Callable;

import dev.berth.engine.Engine;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code berth engine volume rm NAME...}: refused while a container (running or not) uses the volume. */
@Command(name = "rm", aliases = "remove", mixinStandardHelpOptions = true, description = "Remove volumes.")
public final class VolumeRemoveCommand implements Callable<Integer>, ChangesEngineState {

    @ParentCommand
    VolumeCommand volume;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "NAME", description = "Volume names.")
    List<String> names;

    @Override
    public Integer call() {
        Engine engine = volume.engine.engine();
        return EachContainer.apply(names, spec, engine::removeVolume);
    }
}
