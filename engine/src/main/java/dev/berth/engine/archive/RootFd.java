package dev.berth.engine.archive;

import java.io.IOException;
import java.nio.file.Path;

/**
 * An {@code O_PATH} descriptor of a container's root folder, as one of its processes sees it
 * ({@code /proc/PID/root}): lookups from it cross the container's own mounts (volumes, binds).
 */
public final class RootFd implements AutoCloseable {

    private final int fd;

    private RootFd(int fd) {
        this.fd = fd;
    }

    /** Opens the root of the process {@code pid} (its root folder in its mount namespace). */
    public static RootFd ofProcess(long pid) throws IOException {
        return new RootFd(NativeAt.openat(-1, Path.of("/proc", Long.toString(pid), "root").toString(),
                NativeAt.O_PATH | NativeAt.O_DIRECTORY));
    }

    int fd() {
        return fd;
    }

    @Override
    public void close() {
        NativeAt.close(fd);
    }
}
