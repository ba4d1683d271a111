package dev.berth.engine.archive;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * The descriptor-relative system calls that NIO lacks ({@code open}, {@code openat},
 * {@code linkat}, {@code close}), through the foreign-function API. Everything else is done with
 * NIO on {@code /proc/self/fd/N/NAME}: the kernel resolves {@code /proc/self/fd/N} to exactly the
 * object the descriptor holds, so only the single component {@code NAME} is looked up, inside it.
 */
@SuppressWarnings("restricted")
final class NativeAt {

    static final int O_RDONLY = 0;
    static final int O_DIRECTORY = 0200000;
    static final int O_NOFOLLOW = 0400000;
    static final int O_CLOEXEC = 02000000;
    static final int O_PATH = 010000000;
    private static final int ENOENT = 2;
    private static final int ENOTDIR = 20;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final SymbolLookup LIBC = LINKER.defaultLookup();
    private static final StructLayout ERRNO_STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = ERRNO_STATE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final MethodHandle OPENAT = downcall("openat", FunctionDescriptor.of(ValueLayout.JAVA_INT,
            ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
    private static final MethodHandle LINKAT = downcall("linkat", FunctionDescriptor.of(ValueLayout.JAVA_INT,
            ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT, ValueLayout.ADDRESS,
            ValueLayout.JAVA_INT));
    private static final MethodHandle CLOSE = downcall("close",
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
    private static final MethodHandle STRERROR = LINKER.downcallHandle(LIBC.find("strerror").orElseThrow(),
            FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.JAVA_INT));
    private static final int AT_FDCWD = -100;

    private NativeAt() {
    }

    private static MethodHandle downcall(String name, FunctionDescriptor descriptor) {
        return LINKER.downcallHandle(LIBC.find(name).orElseThrow(), descriptor,
                Linker.Option.captureCallState("errno"));
    }

    /** The path by which NIO reaches {@code name} inside the folder that {@code dirFd} holds. */
    static Path at(int dirFd, String name) {
        return Path.of("/proc/self/fd/" + dirFd, name);
    }

    /** The path by which NIO reaches exactly what {@code fd} holds. */
    static Path of(int fd) {
        return Path.of("/proc/self/fd/" + fd);
    }

    /** {@code openat(dirFd, name, flags | O_CLOEXEC)}; {@code dirFd} -1 means the working folder. */
    static int openat(int dirFd, String name, int flags) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(ERRNO_STATE);
            int fd = (int) OPENAT.invokeExact(state, dirFd < 0 ? AT_FDCWD : dirFd, arena.allocateFrom(name),
                    flags | O_CLOEXEC, 0);
            if (fd < 0) {
                int errno = (int) ERRNO.get(state, 0L);
                String where = dirFd < 0 ? name : name + " (in the folder of descriptor " + dirFd + ")";
                throw switch (errno) {
                    case ENOENT -> new NoSuchFileException(where);
                    case ENOTDIR -> new NotDirectoryException(where);
                    default -> new IOException("cannot open " + where + ": " + strerror(errno));
                };
            }
            return fd;
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /**
     * A hard link {@code newName} in {@code newDirFd} to {@code oldName} in {@code oldDirFd} (a
     * symlink itself, not followed).
     */
    static void linkat(int oldDirFd, String oldName, int newDirFd, String newName) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(ERRNO_STATE);
            int rc = (int) LINKAT.invokeExact(state, oldDirFd, arena.allocateFrom(oldName), newDirFd,
                    arena.allocateFrom(newName), 0);
            if (rc < 0) {
                throw new IOException("cannot link " + newName + " to " + oldName + ": "
                        + strerror((int) ERRNO.get(state, 0L)));
            }
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    static void close(int fd) {
        if (fd < 0) {
            return;
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(ERRNO_STATE);
            // the result is not checked: a failed close of an O_PATH descriptor loses nothing, it wrote nothing
            int ignored = (int) CLOSE.invokeExact(state, fd);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    private static String strerror(int errno) {
        try {
            MemorySegment text = (MemorySegment) STRERROR.invokeExact(errno);
            return text.reinterpret(1024).getString(0);
        } catch (Throwable t) {
            return "errno " + errno;
        }
    }
}
