package dev.berth.cli.engine;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import dev.berth.engine.core.EngineException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code berth engine image import}: a root-filesystem tar becomes a one-layer image, like {@code docker import}. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import a root filesystem tar (or - for standard input) as a one-layer image.")
public final class ImageImportCommand implements Callable<Integer>, ChangesEngineState {

    @ParentCommand
    ImageCommand image;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The root filesystem tar, or - for standard input.")
    String file;

    @Parameters(index = "1", paramLabel = "NAME[:TAG]", description = "The name of the new image.")
    String name;

    @Override
    public Integer call() throws Exception {
        String id;
        if (file.equals("-")) {
            id = image.engine().importImage(new BufferedInputStream(System.in), "-", name);
        } else {
            if (Files.isDirectory(Path.of(file))) {
                throw new EngineException("cannot import " + file + ": it is a folder; give a root filesystem tar"
                        + " (possibly gzip or zstd), or - for standard input");
            }
            try (InputStream in = new BufferedInputStream(Files.newInputStream(Path.of(file)))) {
                id = image.engine().importImage(in, file, name);
            } catch (NoSuchFileException e) {
                throw new EngineException("cannot import " + file + ": the file does not exist");
            }
        }
        spec.commandLine().getOut().println(id);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
