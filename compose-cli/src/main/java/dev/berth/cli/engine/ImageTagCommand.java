package dev.berth.cli.engine;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code berth engine image tag SOURCE TARGET}, like {@code docker tag}. */
@Command(name = "tag", mixinStandardHelpOptions = true,
        description = "Give an image another name.")
public final class ImageTagCommand implements Callable<Integer>, ChangesEngineState {

    @ParentCommand
    ImageCommand image;

    @Parameters(index = "0", paramLabel = "SOURCE", description = "An image name or ID.")
    String source;

    @Parameters(index = "1", paramLabel = "TARGET", description = "The new NAME[:TAG].")
    String target;

    @Override
    public Integer call() throws Exception {
        image.engine().tagImage(source, target);
        return 0;
    }
}
