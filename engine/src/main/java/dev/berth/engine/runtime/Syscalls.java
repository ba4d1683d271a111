package dev.berth.engine.runtime;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.concurrent.locks.LockSupport;

/** The few system calls the runtime makes from Java, through java.lang.foreign. */
final class Syscalls {

    static final int SIGKILL = 9;
    static final int ESRCH = 3;
    private static final long SYS_PIDFD_SEND_SIGNAL = 424;
    private static final long SYS_PIDFD_OPEN = 434;
    private static final short POLLIN = 1;
    private static final long VIRTUAL_POLL_MILLIS = 10;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CALL_STATE.varHandle(
            java.lang.foreign.MemoryLayout.PathElement.groupElement("errno"));
    private static final MethodHandle SYSCALL2 = LINKER.downcallHandle(
            LINKER.defaultLookup().find("syscall").orElseThrow(),
            FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT,
                    ValueLayout.JAVA_INT),
            Linker.Option.firstVariadicArg(1), Linker.Option.captureCallState("errno"));
    private static final MethodHandle SYSCALL4 = LINKER.downcallHandle(
            LINKER.defaultLookup().find("syscall").orElseThrow(),
            FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT,
                    ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT),
            Linker.Option.firstVariadicArg(1), Linker.Option.captureCallState("errno"));
    private static final MethodHandle POLL = downcall("poll",
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG,
                    ValueLayout.JAVA_INT));
    private static final MethodHandle CLOSE = LINKER.downcallHandle(
            LINKER.defaultLookup().find("close").orElseThrow(),
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));

    private static final MethodHandle EVENTFD = downcall("eventfd",
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
    private static final MethodHandle READ = downcall("read",
            FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT, ValueLayout.ADDRESS,
                    ValueLayout.JAVA_LONG));
    private static final MethodHandle WRITE = downcall("write",
            FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT, ValueLayout.ADDRESS,
                    ValueLayout.JAVA_LONG));
    private static final int EFD_CLOEXEC = 02000000;
    private static final int EFD_NONBLOCK = 04000;
    private static final int EINTR = 4;
    private static final MethodHandle MKFIFO = downcall("mkfifo",
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT));

    private Syscalls() {
    }

    /** eventfd(2), non-blocking and close-on-exec: a counter another thread bumps to wake a poll. */
    static int eventfd() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            int fd = (int) EVENTFD.invokeExact(state, 0, EFD_CLOEXEC | EFD_NONBLOCK);
            if (fd < 0) {
                throw new IllegalStateException("eventfd failed: errno " + (int) ERRNO.get(state, 0L));
            }
            return fd;
        } catch (IllegalStateException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("eventfd failed", t);
        }
    }

    /** Adds 1 to an eventfd's counter, waking whoever polls it. */
    static void signalEventfd(int fd) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            MemorySegment one = arena.allocate(ValueLayout.JAVA_LONG);
            one.set(ValueLayout.JAVA_LONG, 0, 1L);
            long ignored = (long) WRITE.invokeExact(state, fd, one, 8L);
        } catch (Throwable t) {
            throw new IllegalStateException("write to eventfd " + fd + " failed", t);
        }
    }

    /** Resets an eventfd's counter (a non-blocking read; nothing when it was 0). */
    static void drainEventfd(int fd) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            MemorySegment value = arena.allocate(ValueLayout.JAVA_LONG);
            long ignored = (long) READ.invokeExact(state, fd, value, 8L);
        } catch (Throwable t) {
            throw new IllegalStateException("read of eventfd " + fd + " failed", t);
        }
    }

    /**
     * poll(2) for input on every descriptor of {@code fds}, blocking until one is ready (no timeout);
     * returns, per descriptor, whether it is ready (or in error). An interrupted poll returns none ready.
     */
    static boolean[] pollIn(int[] fds) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            MemorySegment pfds = arena.allocate(8L * fds.length);
            for (int i = 0; i < fds.length; i++) {
                pfds.set(ValueLayout.JAVA_INT, 8L * i, fds[i]);
                pfds.set(ValueLayout.JAVA_SHORT, 8L * i + 4, POLLIN);
                pfds.set(ValueLayout.JAVA_SHORT, 8L * i + 6, (short) 0);
            }
            int r = (int) POLL.invokeExact(state, pfds, (long) fds.length, -1);
            boolean[] ready = new boolean[fds.length];
            if (r < 0) {
                int errno = (int) ERRNO.get(state, 0L);
                if (errno == EINTR) {
                    return ready;
                }
                throw new IllegalStateException("poll of " + fds.length + " descriptors failed: errno " + errno);
            }
            for (int i = 0; i < fds.length; i++) {
                ready[i] = pfds.get(ValueLayout.JAVA_SHORT, 8L * i + 6) != 0;
            }
            return ready;
        } catch (IllegalStateException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("poll of " + fds.length + " descriptors failed", t);
        }
    }

    private static MethodHandle downcall(String name, FunctionDescriptor fd) {
        return LINKER.downcallHandle(LINKER.defaultLookup().find(name).orElseThrow(), fd,
                Linker.Option.captureCallState("errno"));
    }

    /**
     * pidfd_open(2): a descriptor that refers to process {@code pid} for as long as it is open,
     * even once the PID is reused. Returns the descriptor, or minus the errno.
     */
    static int pidfdOpen(long pid) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            int fd = (int) (long) SYSCALL2.invokeExact(state, SYS_PIDFD_OPEN, (int) pid, 0);
            return fd >= 0 ? fd : -(int) ERRNO.get(state, 0L);
        } catch (Throwable t) {
            throw new IllegalStateException("pidfd_open(" + pid + ") failed", t);
        }
    }

    /** pidfd_send_signal(2) to the process {@code pidfd} refers to; returns 0 or the errno. */
    static int pidfdSendSignal(int pidfd, int signal) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            long r = (long) SYSCALL4.invokeExact(state, SYS_PIDFD_SEND_SIGNAL, pidfd, signal, MemorySegment.NULL, 0);
            return r == 0 ? 0 : (int) ERRNO.get(state, 0L);
        } catch (Throwable t) {
            throw new IllegalStateException("pidfd_send_signal(" + pidfd + ", " + signal + ") failed", t);
        }
    }

    /** True once the process {@code pidfd} refers to has exited (a zombie counts as exited). */
    static boolean hasExited(int pidfd) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            MemorySegment pfd = arena.allocate(8);
            pfd.set(ValueLayout.JAVA_INT, 0, pidfd);
            pfd.set(ValueLayout.JAVA_SHORT, 4, POLLIN);
            pfd.set(ValueLayout.JAVA_SHORT, 6, (short) 0);
            int r = (int) POLL.invokeExact(state, pfd, 1L, 0);
            return r > 0;
        } catch (Throwable t) {
            throw new IllegalStateException("poll of pidfd " + pidfd + " failed", t);
        }
    }

    /**
     * mkfifo(3): makes a FIFO at {@code path} with {@code mode} (less the umask).
     *
     * @throws IOException naming the path and the errno when it cannot
     */
    static void mkfifo(Path path, int mode) throws IOException {
        int errno;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            int r = (int) MKFIFO.invokeExact(state, arena.allocateFrom(path.toString()), mode);
            if (r == 0) {
                return;
            }
            errno = (int) ERRNO.get(state, 0L);
        } catch (Throwable t) {
            throw new IllegalStateException("mkfifo(" + path + ") failed", t);
        }
        throw new IOException("cannot make the FIFO " + path + ": errno " + errno);
    }

    static void close(int fd) {
        try {
            int ignored = (int) CLOSE.invokeExact(fd);
        } catch (Throwable t) {
            throw new IllegalStateException("close(" + fd + ") failed", t);
        }
    }

    /**
     * Waits until process {@code pid}, which started at {@code startTime}, has exited (any process,
     * not only a child), at most {@code timeoutMillis} (-1 for ever). Returns true when it has
     * exited or does not exist; a process that now holds the PID but started at another time does
     * not count.
     */
    static boolean awaitExit(long pid, long startTime, long timeoutMillis) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            int fd = (int) (long) SYSCALL2.invokeExact(state, SYS_PIDFD_OPEN, (int) pid, 0);
            if (fd < 0) {
                return (int) ERRNO.get(state, 0L) == ESRCH;
            }
            try {
                // read after pinning the PID: while the pinned process lives, /proc/<pid> is its own
                if (startTime(pid).orElse(-1) != startTime) {
                    return true;
                }
                MemorySegment pfd = arena.allocate(8);
                long deadline = timeoutMillis < 0 ? Long.MAX_VALUE : System.nanoTime() + timeoutMillis * 1_000_000;
                // A virtual thread blocked in a native call holds its carrier thread: the API server's
                // handlers are virtual threads, and a few waits would starve every other one. So a
                // virtual thread polls without blocking and parks (giving the carrier back) between polls.
                boolean virtual = Thread.currentThread().isVirtual();
                while (true) {
                    pfd.set(ValueLayout.JAVA_INT, 0, fd);
                    pfd.set(ValueLayout.JAVA_SHORT, 4, POLLIN);
                    pfd.set(ValueLayout.JAVA_SHORT, 6, (short) 0);
                    long left = timeoutMillis < 0 ? 1000 : Math.max(0, (deadline - System.nanoTime()) / 1_000_000);
                    int r = (int) POLL.invokeExact(state, pfd, 1L, virtual ? 0 : (int) Math.min(left, 1000));
                    if (r > 0) {
                        return true;
                    }
                    if (virtual && left > 0) {
                        LockSupport.parkNanos(Math.min(left, VIRTUAL_POLL_MILLIS) * 1_000_000);
                    }
                    if (timeoutMillis >= 0 && System.nanoTime() >= deadline) {
                        return false;
                    }
                }
            } finally {
                int ignored = (int) CLOSE.invokeExact(fd);
            }
        } catch (Throwable t) {
            throw new IllegalStateException("waiting for process " + pid + " failed", t);
        }
    }

    /** The start time of a process (field 22 of /proc/PID/stat), empty when it does not exist. */
    static OptionalLong startTime(long pid) {
        return statField(pid, 22);
    }

    /** The parent PID of a process (field 4 of /proc/PID/stat), empty when it does not exist. */
    static OptionalLong parentPid(long pid) {
        return statField(pid, 4);
    }

    /**
     * The only child of a single-threaded process (the monitor's child is the container's init),
     * from {@code /proc/PID/task/PID/children}; empty when it has none or does not exist.
     */
    static OptionalLong onlyChild(long pid) {
        try {
            String children = Files.readString(Path.of("/proc/" + pid + "/task/" + pid + "/children")).strip();
            return children.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(children.split(" ")[0]));
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /** True when {@code pid} runs and started at {@code startTime}: the same process, not a reused PID. */
    static boolean isAlive(long pid, long startTime) {
        // one read: the start time and the state come from the same moment of the same process
        String[] fields = statFields(pid);
        return fields != null && fields[0].charAt(0) != 'Z'
                && parse(fields, 22).orElse(-1) == startTime;
    }

    private static OptionalLong statField(long pid, int field) {
        String[] fields = statFields(pid);
        return fields == null ? OptionalLong.empty() : parse(fields, field);
    }

    private static OptionalLong parse(String[] fields, int field) {
        try {
            return OptionalLong.of(Long.parseLong(fields[field - 3]));
        } catch (RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * The fields of /proc/PID/stat from field 3 (the state) on, null when the process does not
     * exist; the command name (field 2) is skipped as it may hold spaces and parentheses.
     */
    private static String[] statFields(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
