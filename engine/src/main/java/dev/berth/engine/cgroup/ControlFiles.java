package dev.berth.engine.cgroup;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/** Reads and writes cgroup control files, turning I/O failures into messages that name the file. */
final class ControlFiles {

    private ControlFiles() {
    }

    static void write(CgroupFs fs, Path file, String value) {
        try {
            fs.write(file, value);
        } catch (NoSuchFileException e) {
            throw new CgroupException("write \"" + value + "\" to " + file
                    + ": no such file (is the controller mounted and enabled?)", e);
        } catch (IOException e) {
            throw new CgroupException("write \"" + value + "\" to " + file + ": " + reason(e), e);
        }
    }

    static String read(CgroupFs fs, Path file) {
        try {
            return fs.read(file).strip();
        } catch (IOException e) {
            throw new CgroupException("read " + file + ": " + reason(e), e);
        }
    }

    /** The value of {@code key} in a flat-keyed file such as memory.events or cgroup.events. */
    static Optional<Long> keyedValue(CgroupFs fs, Path file, String key) {
        for (String line : read(fs, file).split("\n")) {
            String[] parts = line.strip().split("\\s+");
            if (parts.length == 2 && parts[0].equals(key)) {
                try {
                    return Optional.of(Long.parseLong(parts[1]));
                } catch (NumberFormatException e) {
                    throw new CgroupException("read " + file + ": \"" + line + "\" has no number", e);
                }
            }
        }
        return Optional.empty();
    }

    /** The PIDs listed one a line in a cgroup.procs file; a missing file lists none. */
    static Set<Long> pids(CgroupFs fs, Path procsFile) {
        Set<Long> pids = new LinkedHashSet<>();
        if (!Files.exists(procsFile)) {
            return pids;
        }
        for (String line : read(fs, procsFile).split("\n")) {
            if (!line.isBlank()) {
                pids.add(Long.parseLong(line.strip()));
            }
        }
        return pids;
    }

    static String reason(IOException e) {
        String message = e.getMessage();
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            message = fse.getReason();
        }
        return message == null ? e.getClass().getSimpleName() : message;
    }
}
