package dev.berth.cli.engine;

import dev.berth.engine.ImageView;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code berth engine image ls}: the images as a table like {@code docker images}, or JSON lines. */
@Command(name = "ls", aliases = "list", mixinStandardHelpOptions = true, description = "List images.")
public final class ImageListCommand implements Callable<Integer> {

    @ParentCommand
    ImageCommand image;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-q", "--quiet"}, description = "Print image IDs only.")
    boolean quiet;

    @Option(names = "--format", paramLabel = "FORMAT", description = "table (default) or json (one object a line).")
    String format = "table";

    @Override
    public Integer call() throws Exception {
        List<ImageView> images = image.engine().images();
        PrintWriter out = spec.commandLine().getOut();
        if (quiet) {
            images.forEach(i -> out.println(i.shortId()));
        } else if (format.equals("json")) {
            for (ImageView i : images) {
                out.println(ImageJson.summaryLine(i));
            }
        } else if (format.equals("table")) {
            ImageTable.render(images, Instant.now()).forEach(out::println);
        } else {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--format must be table or json, not \"" + format + "\"");
        }
        out.flush();
        return 0;
    }
}
