package dev.berth.engine.image;

import java.nio.file.Files;
import java.nio.file.Path;

import dev.berth.engine.EngineException;

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
}
