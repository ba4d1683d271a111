package dev.berth.engine.volume;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

/**
 * Creates device nodes, FIFOs and sockets with mknod(2) and sets their times with utimensat(2):
 * the JDK has no API for the first, and its time setter opens the file, which blocks on a FIFO.
 */
@SuppressWarnings("restricted")
final class SpecialFiles {

    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();
    private static final long ERRNO_OFFSET =
            CALL_STATE.byteOffset(MemoryLayout.PathElement.groupElement("errno"));
    private static final MethodHandle MKNOD = LINKER.downcallHandle(
            LINKER.defaultLookup().find("mknod").orElseThrow(),
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT,
                    ValueLayout.JAVA_LONG),
            Linker.Option.captureCallState("errno"));

    private static final int AT_FDCWD = -100;
    private static final int AT_SYMLINK_NOFOLLOW = 0x100;
    private static final MethodHandle UTIMENSAT = LINKER.downcallHandle(
            LINKER.defaultLookup().find("utimensat").orElseThrow(),
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.ADDRESS,
                    ValueLayout.ADDRESS, ValueLayout.JAVA_INT),
            Linker.Option.captureCallState("errno"));

    private SpecialFiles() {
    }

    /**
     * Creates {@code path} with the file type and permission bits of {@code mode} (as
     * {@code unix:mode} reports them) and the device number {@code rdev} ({@code unix:rdev}).
     */
    static void mknod(Path path, int mode, long rdev) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            int result = (int) MKNOD.invokeExact(state, arena.allocateFrom(path.toString()), mode, rdev);
            if (result != 0) {
                int errno = state.get(ValueLayout.JAVA_INT, ERRNO_OFFSET);
                throw new IOException("mknod " + path + " failed with errno " + errno);
            }
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IOException("mknod " + path + ": " + e, e);
        }
    }

    /** Sets access and modification times of {@code path} itself, never opening it. */
    static void setTimes(Path path, FileTime accessed, FileTime modified) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            MemorySegment times = arena.allocate(ValueLayout.JAVA_LONG, 4);
            Instant a = accessed.toInstant();
            Instant m = modified.toInstant();
            times.setAtIndex(ValueLayout.JAVA_LONG, 0, a.getEpochSecond());
            times.setAtIndex(ValueLayout.JAVA_LONG, 1, a.getNano());
            times.setAtIndex(ValueLayout.JAVA_LONG, 2, m.getEpochSecond());
            times.setAtIndex(ValueLayout.JAVA_LONG, 3, m.getNano());
            int result = (int) UTIMENSAT.invokeExact(state, AT_FDCWD, arena.allocateFrom(path.toString()),
                    times, AT_SYMLINK_NOFOLLOW);
            if (result != 0) {
                throw new IOException("utimensat " + path + " failed with errno "
                        + state.get(ValueLayout.JAVA_INT, ERRNO_OFFSET));
            }
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IOException("utimensat " + path + ": " + e, e);
        }
    }
}
