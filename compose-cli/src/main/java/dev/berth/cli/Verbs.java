package dev.berth.cli;

import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.berth.cli.engine.EngineCommand;
import picocli.CommandLine;

/** berth's verbs, and which of them one command line needs. */
final class Verbs {

    /** Every verb, in the order {@code berth --help} lists them. */
    static final List<Class<?>> ALL = List.of(
            ConfigCommand.class,
            VersionCommand.class,
            EngineCommand.class,
            CommandLine.HelpCommand.class);

    private static final Map<String, Class<?>> BY_NAME = Map.of(
            "config", ConfigCommand.class,
            "version", VersionCommand.class,
            "engine", EngineCommand.class);

    /** Global options that take a value as the next argument (see {@link GlobalOptions}). */
    private static final Set<String> WITH_VALUE = Set.of(
            "-f", "--file", "-p", "--project-name", "--project-directory", "--env-file", "--profile",
            "--ansi", "--progress");

    private Verbs() {
    }

    /**
     * The verbs {@code args} need: the verb it names, or all of them when it names none or one berth
     * does not know (so that usage and "did you mean" list every verb).
     */
    static List<Class<?>> neededBy(String... args) {
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
            Class<?> verb = BY_NAME.get(a);
            return verb == null ? ALL : List.of(verb);
        }
        return ALL;
    }
}
