package dev.berth.cli.engine;

import dev.berth.engine.image.ImageStore;
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

    /** The image store on the data root. */
    ImageStore store() {
        return new ImageStore(engine.dataRoot());
    }

    /** The image store of the engine, which knows which images containers use (for rm). */
    ImageStore storeWithContainers() {
        return engine.engine().images();
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
