package dev.berth.cli;

import java.io.PrintWriter;

import picocli.CommandLine;

/** Entry point of the {@code berth} command. */
public final class Main {

    private Main() {
    }

    /**
     * Runs the command line and exits with its status. A verb that leaves nothing to the JVM's exit
     * hooks ({@link Verbs#needExitHooks}) ends the process by halting once its output is flushed:
     * {@link System#exit} first looks for a logging backend on the whole class path, opening every
     * jar, only to decide whether to log the exit.
     */
    public static void main(String[] args) {
        // berth declares no Groovy closures; without this, picocli looks for Groovy's Closure class,
        // a lookup that misses and so opens every jar on the class path too.
        System.setProperty("picocli.disable.closures", "true");
        CommandLine cli = BerthCommand.commandLine(ProcessContext.current(), args);
        int status = ExitCodes.execute(cli, args);
        cli.getOut().flush();
        cli.getErr().flush();
        System.out.flush();
        System.err.flush();
        if (!Verbs.needExitHooks(args)) {
            Runtime.getRuntime().halt(status);
        }
        System.exit(status);
    }

    /**
     * Runs the command line in {@code process}, writing to {@code out} and {@code err}, and returns
     * the exit code, without exiting: how tests run {@code berth} in-process.
     */
    public static int run(ProcessContext process, PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = BerthCommand.commandLine(process, args);
        cli.setOut(out);
        cli.setErr(err);
        return ExitCodes.execute(cli, args);
    }
}
