package dev.berth.engine.daemon;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/** The daemon's log file: one timestamped line per event, appended and flushed as it happens. */
public final class DaemonLog implements AutoCloseable {

    private final Path file;
    private final Writer writer;

    private DaemonLog(Path file, Writer writer) {
        this.file = file;
        this.writer = writer;
    }

    /** Opens {@code file} for appending (making its folder). */
    static DaemonLog open(Path file) {
        try {
            Files.createDirectories(file.getParent());
            return new DaemonLog(file, Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND));
        } catch (IOException e) {
            throw new DaemonException("cannot open the daemon's log file " + file + ": " + IoErrors.describe(e)
                    + " (choose another with --log-file)", e);
        }
    }

    public Path file() {
        return file;
    }

    public void info(String message) {
        write("info", message);
    }

    public void error(String message) {
        write("error", message);
    }

    private synchronized void write(String level, String message) {
        try {
            writer.write(Instant.now() + " " + level + " " + message + "\n");
            writer.flush();
        } catch (IOException e) {
            // A full or vanished disk must not take the daemon down; stderr still reaches the service manager.
            System.err.println("berth: cannot write the log file " + file + ": " + e.getMessage() + "; " + message);
        }
    }

    @Override
    public synchronized void close() {
        try {
            writer.close();
        } catch (IOException e) {
            System.err.println("berth: cannot close the log file " + file + ": " + e.getMessage());
        }
    }
}
