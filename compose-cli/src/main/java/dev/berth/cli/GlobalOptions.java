package dev.berth.cli;

import static dev.berth.cli.CodedOptions.flag;
import static dev.berth.cli.CodedOptions.inherited;
import static dev.berth.cli.CodedOptions.inheritedRepeatable;
import static dev.berth.cli.CodedOptions.isSet;
import static dev.berth.cli.CodedOptions.value;
import static dev.berth.cli.CodedOptions.valueOf;
import static dev.berth.cli.CodedOptions.valuesOf;

import java.nio.file.Path;
import java.util.List;

import picocli.CommandLine.Model.CommandSpec;

/**
 * Compose's global options, accepted before or after the verb: declared on the {@code berth}
 * command (see {@link CodedOptions} for why in code) and inherited by every verb.
 *
 * @param files            stack files ({@code -f}), in order; {@code -} is standard input
 * @param projectName      {@code -p}, or null
 * @param projectDirectory {@code --project-directory} as given, or null
 * @param envFiles         {@code --env-file}s, in order
 * @param profiles         {@code --profile}s
 * @param ansi             {@code --ansi}: never, always or auto
 * @param progress         {@code --progress}: auto, tty, plain, json or quiet
 * @param dryRun           {@code --dry-run}
 * @param debug            {@code --debug}: show stack traces of errors
 */
public record GlobalOptions(List<String> files, String projectName, Path projectDirectory, List<Path> envFiles,
                            List<String> profiles, String ansi, String progress, boolean dryRun, boolean debug) {

    public GlobalOptions {
        files = List.copyOf(files);
        envFiles = List.copyOf(envFiles);
        profiles = List.copyOf(profiles);
    }

    /** Declares the global options on the root command, inherited by the verbs added after. */
    static void declareOn(CommandSpec root) {
        root.addOption(inheritedRepeatable(String.class, "FILE",
                "Stack file; repeat to merge several (- reads standard input).", "-f", "--file"));
        root.addOption(inherited(value(String.class, "NAME", "Project name.", "-p", "--project-name")));
        root.addOption(inherited(value(Path.class, "DIR",
                "Working directory of the project (default: the first file's folder).", "--project-directory")));
        root.addOption(inheritedRepeatable(Path.class, "FILE",
                "Environment file for interpolation; repeatable, later files win.", "--env-file"));
        root.addOption(inheritedRepeatable(String.class, "PROFILE", "Enable a profile; repeatable.", "--profile"));
        root.addOption(inherited(value(String.class, "WHEN",
                "Control characters: never, always, auto (default: auto).", "--ansi")));
        root.addOption(inherited(value(String.class, "TYPE",
                "Progress output: auto, tty, plain, json, quiet (default: auto).", "--progress")));
        root.addOption(inherited(flag("Show what would be done without doing it.", "--dry-run")));
        root.addOption(inherited(flag("Show stack traces of errors.", "--debug")));
    }

    /** The global options as parsed on {@code root}, the command that {@link #declareOn declared} them. */
    static GlobalOptions of(CommandSpec root) {
        return new GlobalOptions(valuesOf(root, "--file"), valueOf(root, "--project-name", null),
                valueOf(root, "--project-directory", null), valuesOf(root, "--env-file"), valuesOf(root, "--profile"),
                valueOf(root, "--ansi", "auto"), valueOf(root, "--progress", "auto"),
                isSet(root, "--dry-run"), isSet(root, "--debug"));
    }
}
