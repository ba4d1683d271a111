package dev.berth.cli.engine;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import dev.berth.engine.EngineException;
import dev.berth.engine.image.ImageConfig;
import dev.berth.engine.image.ImageStore;
import dev.berth.engine.image.ImageSummary;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code berth engine image inspect NAME...}: a JSON list of image details, like {@code docker image inspect}. */
@Command(name = "inspect", mixinStandardHelpOptions = true, description = "Show image details as JSON.")
public final class ImageInspectCommand implements Callable<Integer> {

    @ParentCommand
    ImageCommand image;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "IMAGE", description = "Image names or IDs.")
    List<String> names;

    @Override
    public Integer call() throws Exception {
        ImageStore store = image.store();
        List<Object> details = new ArrayList<>();
        PrintWriter err = spec.commandLine().getErr();
        int exit = 0;
        for (String name : names) {
            try {
                ImageSummary summary = store.inspect(name);
                ImageConfig config = store.config(summary.id().toString());
                details.add(ImageJson.details(summary, config));
            } catch (EngineException e) {
                err.println(e.getMessage());
                exit = 1;
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(ImageJson.pretty(details));
        out.flush();
        err.flush();
        return exit;
    }
}
