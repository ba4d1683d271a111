package dev.berth.cli;

import java.util.List;

import dev.berth.planner.load.StandardStages;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The top-level {@code berth} command; its sub-commands are the verbs ({@link Verbs}). Its model is
 * declared in code ({@link #spec}), see {@link CodedOptions} for why.
 */
public final class BerthCommand implements Runnable {

    private final ProcessContext process;
    private final CommandSpec spec;

    /** The command for a run in {@code process}. */
    public BerthCommand(ProcessContext process) {
        this.process = process;
        this.spec = CommandSpec.wrapWithoutInspection(this);
        spec.name("berth");
        spec.versionProvider(new BerthVersion());
        spec.usageMessage().description("Define and run multi-container stacks, with or without Docker.");
        CodedOptions.addStandardHelp(spec);
        GlobalOptions.declareOn(spec);
    }

    /** This command's picocli model: the standard help options and the {@link GlobalOptions}. */
    public CommandSpec spec() {
        return spec;
    }

    /** The environment, folders and standard input of this run. */
    public ProcessContext process() {
        return process;
    }

    /** The global options of this run, as parsed. */
    public GlobalOptions global() {
        return GlobalOptions.of(spec);
    }

    /** Loads the stack the global options name; every verb that reads a stack file uses it. */
    public StackLoading stackLoading() {
        return new StackLoading(global(), process);
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
        return commandLine(process, Verbs.ALL);
    }

    /**
     * Builds the command line with only the verbs {@code args} need: picocli builds each verb's model
     * by reflection, and a short-lived CLI should not pay for the verbs it does not run.
     */
    public static CommandLine commandLine(ProcessContext process, String... args) {
        return commandLine(process, Verbs.neededBy(args));
    }

    private static CommandLine commandLine(ProcessContext process, List<Verbs.Verb> verbs) {
        if (verbs.size() == 1 && verbs.getFirst().readsStack()) {
            // the schema validator takes longer to build than the stack takes to read: start it first
            StandardStages.prepare();
        }
        CommandLine cli = new CommandLine(new BerthCommand(process).spec());
        for (Verbs.Verb verb : verbs) {
            cli.addSubcommand(verb.build());
        }
        reapplyModelTransformers(cli);
        cli.setExecutionStrategy(new GlobalOptionPolicy());
        ExitCodes.install(cli);
        return cli;
    }

    /**
     * Adding a verb copies the parent's parser settings over the verb's whole tree, undoing what a
     * verb's model transformer set (such as {@code run} stopping at its first positional argument);
     * this applies each transformer again.
     */
    private static void reapplyModelTransformers(CommandLine cli) {
        CommandSpec spec = cli.getCommandSpec();
        if (spec.modelTransformer() != null) {
            spec.modelTransformer().transform(spec);
        }
        for (CommandLine sub : cli.getSubcommands().values()) {
            reapplyModelTransformers(sub);
        }
    }
}
