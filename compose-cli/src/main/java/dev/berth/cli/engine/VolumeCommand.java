package dev.berth.cli.engine;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code berth engine volume}: the engine's named volumes on the data root, like {@code docker volume}. */
@Command(name = "volume", mixinStandardHelpOptions = true,
        description = "Manage the volumes of berth's own engine.",
        subcommands = {
                VolumeCreateCommand.class,
                VolumeListCommand.class,
                VolumeInspectCommand.class,
                VolumeRemoveCommand.class,
        })
public final class VolumeCommand implements Runnable {

    @ParentCommand
    EngineCommand engine;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
