package dev.berth.engine.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.OptionalLong;

/** The file naming the daemon's process ID ({@code /run/berth/berth.pid}), for service managers and {@code berth engine shutdown}. */
public final class PidFile {

    private PidFile() {
    }

    /**
     * The PID in {@code file}; empty when there is no such file.
     *
     * @throws DaemonException when the file exists but does not hold a PID
     */
    public static OptionalLong read(Path file) {
        String text;
        try {
            text = Files.readString(file).strip();
        } catch (NoSuchFileException e) {
            return OptionalLong.empty();
        } catch (IOException e) {
            throw new DaemonException("cannot read the PID file " + file + ": " + IoErrors.describe(e), e);
        }
        try {
            return OptionalLong.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            throw new DaemonException("the PID file " + file + " holds \"" + text + "\", not a process ID; "
                    + "remove it if no berth daemon runs");
        }
    }

    /**
     * Writes this process's PID into {@code file}.
     *
     * @throws DaemonException when the file names another running berth daemon, or cannot be written
     */
    static void claim(Path file) {
        OptionalLong existing = read(file);
        long self = ProcessHandle.current().pid();
        if (existing.isPresent() && existing.getAsLong() != self && DaemonProcesses.isBerthDaemon(existing.getAsLong())) {
            throw new DaemonException("cannot start the berth daemon: the PID file " + file + " names a running berth daemon (PID "
                    + existing.getAsLong() + "); stop it first (berth engine shutdown), or give this one another --pidfile");
        }
        try {
            Files.createDirectories(file.getParent());
            AtomicFiles.write(file, self + "\n");
        } catch (IOException e) {
            throw new DaemonException("cannot write the PID file " + file + ": " + IoErrors.describe(e), e);
        }
    }

    /** Removes {@code file} if it still names this process. */
    static void release(Path file) {
        try {
            OptionalLong pid = read(file);
            if (pid.isPresent() && pid.getAsLong() == ProcessHandle.current().pid()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException | DaemonException e) {
            // Another daemon's file, or none: leave it.
        }
    }
}
