package dev.berth.engine.runtime;

import dev.berth.engine.core.WaitCondition;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * Waits for a container to reach a {@link WaitCondition} from an {@link ExitMark} taken when the
 * wait began, so that an exit between the mark and the first look is not missed. While the
 * container runs it waits on its monitor (a pidfd); otherwise on the runtime's
 * {@link StateSignal}, re-reading the state at least once a second for changes made by other
 * processes. Every wait checks {@code cancelled} at least once a second (a client that left).
 */
final class ExitWaiter {

    private static final long SLICE_MILLIS = 1000;

    private final Function<String, Optional<ContainerState>> current;
    private final StateSignal signal;
    private final RemovedExits removed;

    /** @param current the container's state brought up to date, empty once it is removed */
    ExitWaiter(Function<String, Optional<ContainerState>> current, StateSignal signal, RemovedExits removed) {
        this.current = current;
        this.signal = signal;
        this.removed = removed;
    }

    /** The exit code once {@code condition} holds; empty when {@code cancelled} said stop first. */
    OptionalInt await(ExitMark mark, WaitCondition condition, BooleanSupplier cancelled) {
        if (condition == WaitCondition.NOT_RUNNING && !mark.live()) {
            return OptionalInt.of(mark.exitCode());
        }
        int lastExit = mark.exitCode();
        while (!cancelled.getAsBoolean()) {
            long seen = signal.version();
            Optional<ContainerState> now = current.apply(mark.id());
            if (now.isEmpty()) {
                // removed: the removal recorded the final exit code, unless another process removed it
                return OptionalInt.of(removed.find(mark.id()).orElse(lastExit));
            }
            ContainerState s = now.get();
            if (!s.live()) {
                lastExit = s.exitCode();
            }
            if (condition != WaitCondition.REMOVED && mark.exitedSince(s)) {
                return OptionalInt.of(s.exitCode());
            }
            if (s.live()) {
                Syscalls.awaitExit(s.monitorPid(), s.monitorStartTime(), SLICE_MILLIS);
            } else {
                signal.awaitChange(seen, SLICE_MILLIS);
            }
        }
        return OptionalInt.empty();
    }
}
