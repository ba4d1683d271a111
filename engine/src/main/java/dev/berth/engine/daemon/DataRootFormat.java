package dev.berth.engine.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The version of the data root's layout, kept in {@code <data-root>/berth-format}. A daemon
 * refuses a data root of a format it does not know, so it never misreads (or damages) state
 * written by another berth version.
 */
public final class DataRootFormat {

    public static final String FILE_NAME = "berth-format";
    /** The layout this berth reads and writes. */
    public static final int CURRENT = 1;

    private DataRootFormat() {
    }

    /**
     * Checks the format of {@code dataRoot}, writing the current one when the data root has none
     * (new, or made by an engine from before format versions, whose layout is format 1).
     *
     * @throws DaemonException when the data root has another format, or an unreadable format file
     */
    public static void prepare(Path dataRoot) {
        Path file = dataRoot.resolve(FILE_NAME);
        String text;
        try {
            text = Files.readString(file).strip();
        } catch (NoSuchFileException e) {
            try {
                AtomicFiles.write(file, CURRENT + "\n");
            } catch (IOException write) {
                throw new DaemonException("cannot write the data root's format version to " + file + ": "
                        + IoErrors.describe(write), write);
            }
            return;
        } catch (IOException e) {
            throw new DaemonException("cannot read the data root's format version from " + file + ": " + IoErrors.describe(e), e);
        }
        int format;
        try {
            format = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new DaemonException("data root " + dataRoot + " has an unreadable format version \"" + text + "\" in "
                    + file + " (expected " + CURRENT + "); it was not written by berth, or was damaged: "
                    + "use another --data-root");
        }
        if (format != CURRENT) {
            throw new DaemonException("data root " + dataRoot + " has format version " + format
                    + ", but this berth reads only format " + CURRENT + ": it was written by "
                    + (format > CURRENT ? "a newer" : "an older") + " berth; run that berth on it, or use another --data-root");
        }
    }
}
