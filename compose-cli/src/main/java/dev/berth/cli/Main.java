package dev.berth.cli;

import java.io.PrintWriter;

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
        return BerthCommand.commandLine(ProcessContext.current(), args).execute(args);
    }

    /**
     * Runs the command line in {@code process}, writing to {@code out} and {@code err}, and returns
     * the exit code, without exiting: how tests run {@code berth} in-process.
     */
    public static int run(ProcessContext process, PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = BerthCommand.commandLine(process, args);
        cli.setOut(out);
        cli.setErr(err);
        return cli.execute(args);
    }
}
