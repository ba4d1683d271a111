package dev.berth.engine.cgroup;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/** Makes and looks up cgroup folders for both managers, with errors that name the cgroup. */
final class CgroupDirectories {

    private CgroupDirectories() {
    }

    /**
     * Makes a container's own cgroup folder, which must not exist yet.
     *
     * @param cgroup the cgroup being created, as shown to users ({@code /berth/NAME})
     */
    static void createNew(CgroupFs fs, Path dir, String cgroup) {
        try {
            fs.createDirectory(dir);
        } catch (FileAlreadyExistsException e) {
            throw new CgroupException("create cgroup " + cgroup + ": " + dir
                    + " exists already; open it or remove it first", e);
        } catch (IOException e) {
            throw mkdirFailed(cgroup, dir, e);
        }
    }

    /**
     * Makes the shared parent folder unless it exists, perhaps made by a concurrent create.
     *
     * @return true if this call made it
     */
    static boolean ensureParent(CgroupFs fs, Path dir, String cgroup) {
        if (Files.isDirectory(dir)) {
            return false;
        }
        try {
            fs.createDirectory(dir);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (IOException e) {
            throw mkdirFailed(cgroup, dir, e);
        }
    }

    /**
     * Whether the cgroup folder {@code dir} exists; false only when nothing is there (ENOENT).
     *
     * @param cgroup the cgroup being opened, as shown to users ({@code /berth/NAME})
     * @throws CgroupException when {@code dir} cannot be looked up or is not a folder
     */
    static boolean exists(Path dir, String cgroup) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(dir, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            throw new CgroupException("open cgroup " + cgroup + ": stat " + dir + ": " + ControlFiles.reason(e), e);
        }
        if (!attributes.isDirectory()) {
            throw new CgroupException("open cgroup " + cgroup + ": " + dir + " is not a folder");
        }
        return true;
    }

    /**
     * Removes the folders a failed create made, last made first, and rethrows {@code failure} with
     * any removal errors attached as suppressed.
     */
    static RuntimeException removeAfterFailure(CgroupFs fs, List<Path> made, RuntimeException failure) {
        for (Path dir : made.reversed()) {
            try {
                fs.removeDirectory(dir);
            } catch (IOException cleanup) {
                failure.addSuppressed(cleanup);
            }
        }
        return failure;
    }

    private static CgroupException mkdirFailed(String cgroup, Path dir, IOException e) {
        return new CgroupException("create cgroup " + cgroup + ": mkdir " + dir + ": " + ControlFiles.reason(e), e);
    }
}
