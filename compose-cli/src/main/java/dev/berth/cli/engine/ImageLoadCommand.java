package dev.berth.cli.engine;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import dev.berth.engine.core.EngineException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code berth engine image load}: loads a {@code docker save} or OCI archive, like {@code docker load}. */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = "Load images from a docker save or OCI layout archive (tar, possibly gzip or zstd).")
public final class ImageLoadCommand implements Callable<Integer>, ChangesEngineState {

    @ParentCommand
    ImageCommand image;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-i", "--input"}, paramLabel = "FILE", description = "Read from FILE instead of standard input.")
    Path input;

    @Option(names = {"-q", "--quiet"}, description = "Print nothing.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        List<String> report;
        if (input == null) {
            if (System.console() != null && System.console().isTerminal()) {
                throw new EngineException("requested load from stdin, but stdin is a terminal; give -i FILE or"
                        + " pipe an archive in");
            }
            report = image.engine().loadImages(new BufferedInputStream(System.in), "image archive from standard input");
        } else {
            if (Files.isDirectory(input)) {
                throw new EngineException("cannot load images: " + input + " is a folder; give -i the archive file"
                        + " (docker save output or an OCI layout tar, possibly gzip or zstd)");
            }
            try (InputStream in = new BufferedInputStream(Files.newInputStream(input))) {
                report = image.engine().loadImages(in, "image archive " + input);
            } catch (NoSuchFileException e) {
                throw new EngineException("cannot load images: " + input + " does not exist");
            } catch (AccessDeniedException e) {
                throw new EngineException("cannot load images: " + input + " cannot be read: permission denied");
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (!quiet) {
            report.forEach(out::println);
        }
        out.flush();
        return 0;
    }
}
