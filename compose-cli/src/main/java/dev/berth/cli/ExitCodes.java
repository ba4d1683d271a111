package dev.berth.cli;

import java.io.PrintWriter;

import dev.berth.engine.core.EngineException;
import dev.berth.planner.StackException;
import picocli.CommandLine;

/**
 * The one place where failures become exit codes and messages.
 *
 * <p>Users see one line per error, never a stack trace unless {@code --debug} is given. Errors
 * berth expects (a bad stack file, an engine refusal) print their message; anything else is a
 * bug in berth and says so.
 */
final class ExitCodes {

    static final int FAILURE = 1;
    static final int USAGE = 1;
    /** What the docker CLI returns when its own flags are wrong; {@code berth engine} mirrors it. */
    static final int ENGINE_USAGE = 125;

    private ExitCodes() {
    }

    /**
     * Runs {@code cli} on {@code args} and returns its exit code. Picocli passes exceptions to the
     * handler installed here but lets errors through; a {@link StackOverflowError} or
     * {@link OutOfMemoryError} is berth's bug too (its limits are meant to stop any input first),
     * and is reported in the same way.
     */
    static int execute(CommandLine cli, String... args) {
        try {
            return cli.execute(args);
        } catch (StackOverflowError | OutOfMemoryError e) {
            return internalError(e, cli.getErr(), debugRequested(cli));
        }
    }

    static void install(CommandLine cli) {
        cli.setExecutionExceptionHandler(ExitCodes::onExecutionException);
        cli.setParameterExceptionHandler(ExitCodes::onParameterException);
    }

    private static int onExecutionException(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        boolean debug = parsed != null && debugRequested(cmd);
        if (!(e instanceof StackException || e instanceof EngineException || e instanceof UserException)) {
            return internalError(e, err, debug);
        }
        err.println(e.getMessage());
        if (debug) {
            e.printStackTrace(err);
        }
        err.flush();
        return FAILURE;
    }

    private static int internalError(Throwable e, PrintWriter err, boolean debug) {
        err.println("berth: internal error (please report it): " + e);
        if (debug) {
            e.printStackTrace(err);
        } else {
            err.println("run again with --debug to see where it happened");
        }
        err.flush();
        return FAILURE;
    }

    private static int onParameterException(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("berth: " + e.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        err.println("Run '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage.");
        err.flush();
        return underEngine(cmd) ? ENGINE_USAGE : USAGE;
    }

    private static boolean underEngine(CommandLine cmd) {
        for (CommandLine c = cmd; c != null; c = c.getParent()) {
            if (c.getCommand() instanceof dev.berth.cli.engine.EngineCommand) {
                return true;
            }
        }
        return false;
    }

    private static boolean debugRequested(CommandLine cmd) {
        CommandLine root = cmd;
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Object user = root.getCommand();
        return user instanceof BerthCommand b && b.global().debug();
    }

    /** A mistake in how berth was called that picocli cannot see, such as two exclusive flags. */
    static final class UserException extends RuntimeException {
        UserException(String message) {
            super(message);
        }
    }
}
