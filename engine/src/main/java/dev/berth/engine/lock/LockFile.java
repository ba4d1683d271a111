package dev.berth.engine.lock;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An exclusive lock on one file, held across threads of this JVM and across processes: a
 * {@link ReentrantLock} per file for the threads (the kernel's record locks belong to the process,
 * and the JDK refuses a second {@code FileChannel.lock} on a file this JVM already locks), then
 * {@link FileChannel#lock()} for the other processes. The kernel drops the lock when its process
 * dies, so a killed command never leaves a data root locked.
 *
 * <p>Reentrant: an action run under the lock may take the same lock again.
 */
public final class LockFile {

    private static final Map<Path, ReentrantLock> IN_JVM = new ConcurrentHashMap<>();

    private final Path file;

    /** The lock on {@code file}; the file (and its folder) is made on first use and never removed. */
    public LockFile(Path file) {
        this.file = file.toAbsolutePath().normalize();
    }

    public Path file() {
        return file;
    }

    /** An action run under the lock. */
    @FunctionalInterface
    public interface Action<T, E extends Exception> {
        T run() throws E;
    }

    /**
     * Runs {@code action} while holding the lock; waits for another thread or process that holds it.
     *
     * @throws IOException when the lock file cannot be made or locked (it names the file)
     */
    public <T, E extends Exception> T holding(Action<T, E> action) throws E, IOException {
        ReentrantLock jvm = IN_JVM.computeIfAbsent(file, f -> new ReentrantLock());
        jvm.lock();
        try {
            if (jvm.getHoldCount() > 1) {
                return action.run();
            }
            FileChannel channel;
            try {
                Files.createDirectories(file.getParent());
                channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            } catch (IOException e) {
                throw new IOException("cannot open the lock file " + file + ": " + e.getMessage(), e);
            }
            // Closing the channel releases the lock.
            try (channel) {
                try {
                    channel.lock();
                } catch (IOException e) {
                    throw new IOException("cannot lock " + file + ": " + e.getMessage(), e);
                }
                return action.run();
            }
        } finally {
            jvm.unlock();
        }
    }
}
