package dev.berth.engine.daemon;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The daemon's claim on its data root: an exclusive lock on {@code <data-root>/berth.lock},
 * which holds the owner's PID. The kernel drops the lock when the process dies, so a killed
 * daemon never blocks the next one.
 */
final class DaemonLock implements AutoCloseable {

    static final String FILE_NAME = "berth.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DaemonLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock and writes this process's PID into the lock file.
     *
     * @throws DaemonException naming the running daemon's PID when another daemon holds it
     */
    static DaemonLock acquire(Path dataRoot) {
        Path file = dataRoot.resolve(FILE_NAME);
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException heldInThisProcess) {
                lock = null;
            }
            if (lock == null) {
                String owner = Files.readString(file, StandardCharsets.UTF_8).strip();
                channel.close();
                throw new DaemonException("cannot start the berth daemon: another berth daemon"
                        + (owner.isEmpty() ? "" : " (PID " + owner + ")") + " is running on the data root " + dataRoot
                        + "; stop it first (berth engine shutdown), or give this one another --data-root");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(false);
            return new DaemonLock(channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new DaemonException("cannot lock the data root " + dataRoot + " (" + file + "): " + IoErrors.describe(e), e);
        }
    }

    @Override
    public void close() {
        try {
            channel.truncate(0);
            lock.release();
        } catch (IOException e) {
            // The lock goes with the channel below in any case.
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // Closing releases the lock; there is nothing more to do.
            }
        }
    }
}
