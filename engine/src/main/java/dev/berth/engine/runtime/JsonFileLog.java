package dev.berth.engine.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.engine.EngineException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a container's log in Docker's json-file format: the rotated files {@code <log>.N} ...
 * {@code <log>.1} (oldest first), then {@code <log>} itself.
 */
final class JsonFileLog {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonFileLog() {
    }

    static List<LogEntry> read(Path log, int maxFile) {
        List<LogEntry> entries = new ArrayList<>();
        for (int i = Math.max(maxFile, 1) - 1; i >= 0; i--) {
            Path file = i == 0 ? log : log.resolveSibling(log.getFileName() + "." + i);
            if (!Files.exists(file)) {
                continue;
            }
            try (BufferedReader r = Files.newBufferedReader(file)) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (!line.isEmpty()) {
                        entries.add(JSON.readValue(line, LogEntry.class));
                    }
                }
            } catch (IOException e) {
                throw new EngineException("cannot read the container log " + file + ": " + e.getMessage(), e);
            }
        }
        return entries;
    }
}
