package dev.berth.cli;

import picocli.CommandLine;

/** Entry point of the {@code berth} command. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the process exit code, without exiting. */
    public static int run(String... args) {
        return BerthCommand.commandLine().execute(args);
    }
}
