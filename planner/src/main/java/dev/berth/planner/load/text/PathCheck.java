package dev.berth.planner.load.text;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * Says what a path names when it is not a regular file, in words for an error message: missing, a
 * folder, a device, a symbolic link loop, behind a folder that cannot be searched. Symbolic links
 * are followed, as reading the file follows them.
 */
public final class PathCheck {

    /** The problem of a path that names nothing. */
    public static final String MISSING = "no such file";

    private static final int FILE_TYPE_BITS = 0170000;

    private PathCheck() {
    }

    /** Why {@code path} is not a regular file, or empty when it is one. */
    public static Optional<String> problem(Path path) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return Optional.of(MISSING);
        } catch (AccessDeniedException e) {
            return Optional.of("cannot be reached: permission denied on a folder of its path");
        } catch (FileSystemException e) {
            String reason = e.getReason() == null ? e.toString() : e.getReason();
            return Optional.of(reason.startsWith("Too many levels of symbolic links")
                    ? "is a symbolic link loop (too many levels of symbolic links)"
                    : "cannot be checked: " + reason);
        } catch (IOException e) {
            return Optional.of("cannot be checked: " + e.getMessage());
        }
        if (attributes.isRegularFile()) {
            return Optional.empty();
        }
        if (attributes.isDirectory()) {
            return Optional.of("is a folder, not a file");
        }
        return Optional.of("is " + otherKind(path) + ", not a regular file");
    }

    /** True when {@code problem} says the path names nothing. */
    public static boolean missing(Optional<String> problem) {
        return problem.isPresent() && problem.get().equals(MISSING);
    }

    /** What a path that is neither a regular file nor a folder is, from its mode's file type bits. */
    private static String otherKind(Path path) {
        int mode;
        try {
            mode = (Integer) Files.getAttribute(path, "unix:mode");
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "a special file";
        }
        return switch (mode & FILE_TYPE_BITS) {
            case 0020000 -> "a character device";
            case 0060000 -> "a block device";
            case 0010000 -> "a named pipe";
            case 0140000 -> "a socket";
            default -> "a special file";
        };
    }
}
