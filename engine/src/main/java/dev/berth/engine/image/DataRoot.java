package dev.berth.engine.image;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.berth.engine.core.EngineException;

/** Checks the engine's data root before anything is read from it or made under it. */
public final class DataRoot {

    private DataRoot() {
    }

    /**
     * Returns {@code dataRoot} when it is a folder or does not exist yet (it is made on first use).
     *
     * @throws EngineException when something other than a folder is there
     */
    public static Path requireFolder(Path dataRoot) {
        if (Files.exists(dataRoot) && !Files.isDirectory(dataRoot)) {
            throw new EngineException("data root " + dataRoot + " is not a folder: give --data-root (or"
                    + " BERTH_DATA_ROOT) a folder, or a path where berth may make one");
        }
        return dataRoot;
    }

    /** A file-system failure as one line: the file, then the system's reason ("No space left on device"). */
    public static String describe(IOException e) {
        if (e instanceof FileSystemException f) {
            String file = f.getFile() == null ? "" : f.getFile() + ": ";
            String reason = f.getReason() != null ? f.getReason() : switch (f) {
                case java.nio.file.FileAlreadyExistsException x -> "something that is not a folder is in the way";
                case java.nio.file.NoSuchFileException x -> "no such file or folder";
                case java.nio.file.AccessDeniedException x -> "permission denied";
                case java.nio.file.NotDirectoryException x -> "not a folder";
                default -> f.getClass().getSimpleName();
            };
            return file + reason;
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
