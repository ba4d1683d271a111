package dev.berth.cli.engine;

import dev.berth.engine.Engine;
import java.util.List;
import java.util.concurrent.Callable;

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
        Engine engine = image.engine();
        return InspectEach.print(names, spec, "", name -> ImageJson.details(engine.inspectImage(name)));
    }
}
