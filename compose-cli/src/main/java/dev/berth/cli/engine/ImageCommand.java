package dev.berth.cli.engine;

import dev.berth.engine.Engine;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code berth engine image}: the engine's image store on the data root, like {@code docker image}. */
@Command(name = "image", mixinStandardHelpOptions = true,
        description = "Manage the images of berth's own engine.",
        subcommands = {
                ImageLoadCommand.class,
                ImageImportCommand.class,
                ImageListCommand.class,
                ImageRemoveCommand.class,
                ImageTagCommand.class,
                ImageInspectCommand.class,
        })
public final class ImageCommand implements Runnable {

    @ParentCommand
    EngineCommand engine;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The engine whose images these commands show and change. */
    Engine engine() {
        return engine.engine();
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
