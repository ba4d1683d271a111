package dev.berth.engine.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes small files whole or not at all (temporary file, then rename). */
final class AtomicFiles {

    private AtomicFiles() {
    }

    static void write(Path file, String content) throws IOException {
        Path temp = file.resolveSibling("." + file.getFileName() + ".tmp" + ProcessHandle.current().pid());
        try {
            Files.writeString(temp, content);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
