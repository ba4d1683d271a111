package dev.berth.cli.engine;

import java.util.List;
import java.util.concurrent.Callable;

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
        return InspectEach.print(names, spec, "", name -> {
            ImageSummary summary = store.inspect(name);
            return ImageJson.details(summary, store.config(summary.id().toString()));
        });
    }
}
