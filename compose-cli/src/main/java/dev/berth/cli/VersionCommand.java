package dev.berth.cli;

import java.io.PrintWriter;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code berth version}: prints the version, as {@code docker compose version} does. */
@Command(name = "version", mixinStandardHelpOptions = true, description = "Show the berth version information.")
public final class VersionCommand implements Runnable {

    @Option(names = "--short", description = "Show only the version number.")
    boolean shortForm;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "Format the output: pretty or json (default: pretty).")
    String format = "pretty";

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        String v = BerthVersion.version();
        if (shortForm) {
            out.println(v);
        } else if (format.equals("json")) {
            out.println("{\"version\":\"" + v + "\"}");
        } else {
            out.println("berth version " + v);
        }
        out.flush();
    }
}
