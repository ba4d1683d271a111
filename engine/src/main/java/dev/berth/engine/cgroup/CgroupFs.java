package dev.berth.engine.cgroup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The cgroup filesystem as berth uses it: directories whose creation makes control files appear,
 * and control files whose writes the kernel interprets (a write to cgroup.subtree_control adds a
 * controller, one to devices.allow adds a rule). {@link #KERNEL} is the real one; tests use a fake
 * that emulates those semantics over plain files.
 */
public interface CgroupFs {

    /** The kernel's cgroupfs: mkdir, rmdir, and one write(2) per value. */
    CgroupFs KERNEL = new CgroupFs() {
        @Override
        public void createDirectory(Path dir) throws IOException {
            Files.createDirectory(dir);
        }

        @Override
        public void removeDirectory(Path dir) throws IOException {
            Files.delete(dir);
        }

        @Override
        public void write(Path file, String value) throws IOException {
            Files.writeString(file, value, StandardCharsets.US_ASCII,
                    StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        }

        @Override
        public String read(Path file) throws IOException {
            return Files.readString(file, StandardCharsets.US_ASCII);
        }
    };

    /** Creates {@code dir}, whose parent exists; fails if it exists already. */
    void createDirectory(Path dir) throws IOException;

    /** Removes the cgroup directory {@code dir}, which holds no process and no child cgroup. */
    void removeDirectory(Path dir) throws IOException;

    /** Writes {@code value} to the existing control file {@code file} in one write. */
    void write(Path file, String value) throws IOException;

    /** Reads the whole control file. */
    String read(Path file) throws IOException;
}
