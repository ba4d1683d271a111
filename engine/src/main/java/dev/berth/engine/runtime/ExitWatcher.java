package dev.berth.engine.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Notices, when it happens, that a watched container's monitor has exited: one platform thread
 * blocks in {@code poll(2)} on a pidfd per monitor plus an eventfd that wakes it when the set
 * changes or the watcher closes. It costs no CPU while nothing ends, however many containers it
 * watches (one descriptor each), and hears of an exit within the kernel's wake-up time.
 *
 * <p>Only the watcher's thread closes the pidfds, so a descriptor number is never closed while
 * {@code poll} may still hold it. An exit is reported to {@code onExit} with the container's ID on
 * a virtual thread of its own; reading the container then records the exit (see
 * {@link ContainerRuntime#onExit}).
 */
public final class ExitWatcher implements AutoCloseable {

    private record Pending(String id, int pidfd) {
    }

    private final ContainerRuntime runtime;
    private final Consumer<String> onExit;
    private final int wake;
    private final Thread thread;
    /** Guarded by this: added by {@link #watch}, taken in by the watcher's thread. */
    private final List<Pending> pending = new ArrayList<>();
    /** Only the watcher's thread reads and changes it: container ID to the pidfd of its monitor. */
    private final Map<String, Integer> watched = new LinkedHashMap<>();
    private boolean closed;

    /**
     * Starts the watcher's thread.
     *
     * @param onExit called with the ID of a container whose monitor has exited
     */
    public ExitWatcher(ContainerRuntime runtime, Consumer<String> onExit) {
        this.runtime = runtime;
        this.onExit = onExit;
        this.wake = Syscalls.eventfd();
        this.thread = Thread.ofPlatform().daemon().name("berth-exit-watcher").start(this::run);
    }

    /**
     * Watches the monitor of container {@code id} until it exits. A container that is not running,
     * or whose monitor is already gone, is reported at once. Watching a container twice is harmless:
     * the newer monitor replaces the older.
     */
    public void watch(String id) {
        Optional<long[]> monitor = runtime.monitor(id);
        if (monitor.isEmpty()) {
            report(id);
            return;
        }
        long pid = monitor.get()[0];
        int pidfd = Syscalls.pidfdOpen(pid);
        if (pidfd < 0) {
            report(id);
            return;
        }
        // read after pinning the PID: while the pinned process lives, /proc/<pid> is its own
        if (Syscalls.startTime(pid).orElse(-1) != monitor.get()[1]) {
            Syscalls.close(pidfd);
            report(id);
            return;
        }
        synchronized (this) {
            if (closed) {
                Syscalls.close(pidfd);
                return;
            }
            pending.add(new Pending(id, pidfd));
            // under the lock: the thread closes the eventfd only once it has seen closed
            Syscalls.signalEventfd(wake);
        }
    }

    /** The number of monitors watched now, for tests and measurements. */
    public synchronized int watchedCount() {
        return watched.size() + pending.size();
    }

    private void run() {
        while (true) {
            synchronized (this) {
                if (closed) {
                    break;
                }
                for (Pending p : pending) {
                    Integer older = watched.put(p.id(), p.pidfd());
                    if (older != null) {
                        Syscalls.close(older);
                    }
                }
                pending.clear();
            }
            List<String> ids = new ArrayList<>(watched.keySet());
            int[] fds = new int[ids.size() + 1];
            fds[0] = wake;
            for (int i = 0; i < ids.size(); i++) {
                fds[i + 1] = watched.get(ids.get(i));
            }
            boolean[] ready = Syscalls.pollIn(fds);
            if (ready[0]) {
                Syscalls.drainEventfd(wake);
            }
            for (int i = 0; i < ids.size(); i++) {
                if (ready[i + 1]) {
                    Syscalls.close(watched.remove(ids.get(i)));
                    report(ids.get(i));
                }
            }
        }
        watched.values().forEach(Syscalls::close);
        watched.clear();
        synchronized (this) {
            pending.forEach(p -> Syscalls.close(p.pidfd()));
            pending.clear();
        }
        Syscalls.close(wake);
    }

    private void report(String id) {
        Thread.ofVirtual().name("berth-exit-" + id.substring(0, Math.min(12, id.length()))).start(() -> onExit.accept(id));
    }

    /** Stops watching: the thread ends and every descriptor is closed; the containers run on. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            Syscalls.signalEventfd(wake);
        }
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
