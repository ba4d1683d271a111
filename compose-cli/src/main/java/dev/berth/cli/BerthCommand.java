package dev.berth.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The top-level {@code berth} command; its sub-commands are the verbs. */
@Command(name = "berth",
        mixinStandardHelpOptions = true,
        versionProvider = BerthVersion.class,
        description = "Define and run multi-container stacks, with or without Docker.",
        subcommands = {
                VersionCommand.class,
                dev.berth.cli.engine.EngineCommand.class,
                CommandLine.HelpCommand.class,
        })
public final class BerthCommand implements Runnable {

    @Mixin
    GlobalOptions global;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }

    /** Builds the command line with berth's exception handling and exit codes. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new BerthCommand());
        ExitCodes.install(cli);
        return cli;
    }
}
