package dev.berth.cli.engine;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import dev.berth.engine.core.EngineException;
import dev.berth.engine.Engine;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code berth engine image rm NAME...}, like {@code docker rmi}: each name is tried in turn, the
 * errors are printed, and the exit code is 1 when any failed.
 */
@Command(name = "rm", aliases = "remove", mixinStandardHelpOptions = true,
        description = "Remove images (untag; delete once no name is left).")
public final class ImageRemoveCommand implements Callable<Integer>, ChangesEngineState {

    @ParentCommand
    ImageCommand image;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--force", description = "Remove even when the image has several names or is in use"
            + " (no -f: berth's global -f names a stack file).")
    boolean force;

    @Parameters(arity = "1..*", paramLabel = "IMAGE", description = "Image names or IDs.")
    List<String> names;

    @Override
    public Integer call() throws Exception {
        Engine engine = image.engine();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int exit = 0;
        for (String name : names) {
            try {
                engine.removeImage(name, force).forEach(out::println);
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
