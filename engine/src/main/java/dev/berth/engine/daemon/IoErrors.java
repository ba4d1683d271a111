package dev.berth.engine.daemon;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** Says what went wrong with a file in words: Java's file exceptions often carry only the path. */
final class IoErrors {

    private IoErrors() {
    }

    static String describe(IOException e) {
        if (e instanceof FileSystemException fs) {
            String why = switch (fs) {
                case AccessDeniedException denied -> "permission denied (the daemon must run as root)";
                case NoSuchFileException missing -> "no such file or folder";
                case FileAlreadyExistsException exists -> "it already exists";
                case NotDirectoryException notDir -> "not a folder";
                default -> fs.getReason() != null ? fs.getReason() : fs.getClass().getSimpleName();
            };
            return (fs.getFile() == null ? "" : fs.getFile() + ": ") + why;
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
