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
                ConfigCommand.class,
                VersionCommand.class,
                dev.berth.cli.engine.EngineCommand.class,
                CommandLine.HelpCommand.class,
        })
public final class BerthCommand implements Runnable {

    @Mixin
    GlobalOptions global;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final ProcessContext process;

    /** The command for a run in {@code process}. */
    public BerthCommand(ProcessContext process) {
        this.process = process;
    }

    /** The environment, folders and standard input of this run. */
    public ProcessContext process() {
        return process;
    }

    /** Loads the stack the global options name; every verb that reads a stack file uses it. */
    public StackLoading stackLoading() {
        return new StackLoading(global, process);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }

    /** Builds the command line for this process, with berth's exception handling and exit codes. */
    public static CommandLine commandLine() {
        return commandLine(ProcessContext.current());
    }

    /** Builds the command line for a run in {@code process}, with berth's exception handling and exit codes. */
    public static CommandLine commandLine(ProcessContext process) {
        CommandLine cli = new CommandLine(new BerthCommand(process));
        ExitCodes.install(cli);
        return cli;
    }
}
