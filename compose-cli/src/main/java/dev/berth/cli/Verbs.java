package dev.berth.cli;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import dev.berth.cli.engine.EngineCommand;
import picocli.CommandLine;

/** berth's verbs, and which of them one command line needs. */
final class Verbs {

    /**
     * One verb and how to build its picocli model: its annotated class, or the model itself for the
     * verbs declared in code ({@link CodedOptions}); {@code readsStack} when it loads the stack file;
     * {@code exitHooks} when what it runs may leave work for the JVM's exit hooks (such as the
     * temporary copy of a native library that is deleted on exit).
     */
    record Verb(String name, Supplier<Object> model, boolean readsStack, boolean exitHooks) {

        /** A verb whose model picocli builds from the annotations of {@code command}. */
        static Verb annotated(String name, Class<?> command, boolean exitHooks) {
            return new Verb(name, () -> command, false, exitHooks);
        }

        /** What {@link CommandLine#addSubcommand(Object)} takes: a class, or a model built now. */
        Object build() {
            return model.get();
        }
    }

    static final Verb CONFIG = new Verb("config", ConfigCommand::spec, true, false);
    static final Verb VERSION = Verb.annotated("version", VersionCommand.class, false);
    static final Verb ENGINE = Verb.annotated("engine", EngineCommand.class, true);
    static final Verb HELP = Verb.annotated("help", CommandLine.HelpCommand.class, false);

    /** Every verb, in the order {@code berth --help} lists them. */
    static final List<Verb> ALL = List.of(CONFIG, VERSION, ENGINE, HELP);

    private static final Map<String, Verb> BY_NAME = Map.of(
            CONFIG.name(), CONFIG,
            VERSION.name(), VERSION,
            ENGINE.name(), ENGINE);

    /** Global options that take a value as the next argument (see {@link GlobalOptions}). */
    private static final Set<String> WITH_VALUE = Set.of(
            "-f", "--file", "-p", "--project-name", "--project-directory", "--env-file", "--profile",
            "--ansi", "--progress");

    private Verbs() {
    }

    /** Whether a run of {@code args} may leave work for the JVM's exit hooks (see {@link Verb}). */
    static boolean needExitHooks(String... args) {
        for (Verb verb : neededBy(args)) {
            if (verb.exitHooks()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The verbs {@code args} need: the verb it names, or all of them when it names none or one berth
     * does not know (so that usage and "did you mean" list every verb).
     */
    static List<Verb> neededBy(String... args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--")) {
                return ALL;
            }
            if (a.startsWith("-")) {
                if (WITH_VALUE.contains(a)) {
                    i++;
                }
                continue;
            }
            Verb verb = BY_NAME.get(a);
            return verb == null ? ALL : List.of(verb);
        }
        return ALL;
    }
}
