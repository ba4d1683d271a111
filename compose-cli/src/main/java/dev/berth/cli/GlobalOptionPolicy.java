package dev.berth.cli;

import dev.berth.cli.engine.ChangesEngineState;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/**
 * Checks the global options that only some verbs can honour before any verb runs, so that an
 * option berth accepts always does what it says:
 * <ul>
 *   <li>{@code --dry-run} is refused for engine verbs that change state (they have no dry run);
 *       the verbs that only read ({@code config}, {@code engine ps}, …) change nothing anyway;</li>
 *   <li>{@code --ansi}: berth prints no colours or other control characters yet, so {@code never}
 *       and {@code auto} hold and {@code always} is refused;</li>
 *   <li>{@code --progress}: berth shows no progress yet (it comes with {@code up}, {@code pull} and
 *       {@code build}), so {@code auto} and {@code quiet} hold and {@code tty}, {@code plain} and
 *       {@code json} are refused.</li>
 * </ul>
 * Refusals are usage errors: exit code 1, or 125 under {@code berth engine}.
 */
final class GlobalOptionPolicy implements CommandLine.IExecutionStrategy {

    private static final List<String> ANSI = List.of("never", "always", "auto");
    private static final List<String> PROGRESS = List.of("auto", "tty", "plain", "json", "quiet");

    @Override
    public int execute(ParseResult parsed) {
        check(parsed);
        return new CommandLine.RunLast().execute(parsed);
    }

    private static void check(ParseResult parsed) {
        CommandSpec root = parsed.commandSpec();
        GlobalOptions global = GlobalOptions.of(root);
        CommandLine leaf = leaf(parsed).commandSpec().commandLine();
        if (!ANSI.contains(global.ansi())) {
            throw refused(leaf, "--ansi: \"" + global.ansi() + "\" is not one of never, always, auto");
        }
        if (global.ansi().equals("always")) {
            throw refused(leaf, "--ansi always: berth prints no colours or other control characters yet,"
                    + " so it cannot honour \"always\"; use auto or never");
        }
        if (!PROGRESS.contains(global.progress())) {
            throw refused(leaf, "--progress: \"" + global.progress() + "\" is not one of "
                    + String.join(", ", PROGRESS));
        }
        if (List.of("tty", "plain", "json").contains(global.progress())) {
            throw refused(leaf, "--progress " + global.progress() + ": berth shows no progress yet (it comes"
                    + " with up, pull and build), so it cannot honour \"" + global.progress()
                    + "\"; use auto or quiet");
        }
        if (global.dryRun() && leaf.getCommand() instanceof ChangesEngineState) {
            throw refused(leaf, "--dry-run: \"" + leaf.getCommandSpec().qualifiedName() + "\" acts on the"
                    + " engine at once and has no dry run; nothing was changed");
        }
    }

    private static ParseResult leaf(ParseResult parsed) {
        ParseResult leaf = parsed;
        while (leaf.subcommand() != null) {
            leaf = leaf.subcommand();
        }
        return leaf;
    }

    private static CommandLine.ParameterException refused(CommandLine leaf, String message) {
        return new CommandLine.ParameterException(leaf, message);
    }
}
