package dev.berth.cli.engine;

import java.io.PrintWriter;
import java.util.List;
import java.util.function.Consumer;

import dev.berth.engine.core.EngineException;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Applies a verb to each container named, as the docker CLI does: the name is printed on
 * success, the error on failure, and the exit code is 1 when any failed.
 */
final class EachContainer {

    private EachContainer() {
    }

    /** Runs {@code verb} on each of {@code refs}, printing to {@code spec}'s out and err; returns the exit code. */
    static int apply(List<String> refs, CommandSpec spec, Consumer<String> verb) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int exit = 0;
        for (String ref : refs) {
            try {
                verb.accept(ref);
                out.println(ref);
            } catch (EngineException e) {
                err.println(e.getMessage());
                exit = 1;
            }
        }
        out.flush();
        err.flush();
        return exit;
    }
}
