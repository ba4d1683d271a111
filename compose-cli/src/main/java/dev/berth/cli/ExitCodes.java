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

    static void install(CommandLine cli) {
        cli.setExecutionExceptionHandler(ExitCodes::onExecutionException);
        cli.setParameterExceptionHandler(ExitCodes::onParameterException);
    }

    private static int onExecutionException(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        boolean debug = parsed != null && debugRequested(cmd);
        if (e instanceof StackException || e instanceof EngineException || e instanceof UserException) {
            err.println(e.getMessage());
        } else {
            err.println("berth: internal error (please report it): " + e);
            if (!debug) {
                err.println("run again with --debug to see where it happened");
            }
        }
        if (debug) {
            e.printStackTrace(err);
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
