package dev.berth.engine.cgroup;

import java.time.Duration;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** The waits and kills shared by v1 and v2 cgroups when they are emptied and removed. */
final class Emptying {

    /** How long {@link Cgroup#remove()} and {@link Cgroup#killAll()} wait for processes to go. */
    static final Duration EXIT_TIMEOUT = Duration.ofSeconds(3);

    private Emptying() {
    }

    /** Sends SIGKILL to each PID; a process that has exited meanwhile is skipped. */
    static void sigkill(Set<Long> pids) {
        for (long pid : pids) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    /** Waits until {@code pids} reports none, else fails with what was being done and the PIDs. */
    static void awaitEmpty(String action, String cgroup, Supplier<Set<Long>> pids) {
        if (Poll.until(EXIT_TIMEOUT, () -> pids.get().isEmpty())) {
            return;
        }
        Set<Long> remaining = pids.get();
        if (remaining.isEmpty()) {
            return;
        }
        throw new CgroupException(action + " cgroup " + cgroup + ": " + remaining.size()
                + (remaining.size() == 1 ? " process is" : " processes are") + " still in it (PID "
                + remaining.stream().map(String::valueOf).collect(Collectors.joining(", "))
                + ") after " + EXIT_TIMEOUT.toSeconds() + "s; stop the container or kill them first");
    }
}
