package dev.berth.engine;

import dev.berth.engine.core.WaitCondition;
import dev.berth.engine.runtime.ContainerRuntime;
import dev.berth.engine.runtime.ExitMark;
import java.util.OptionalInt;
import java.util.function.BooleanSupplier;

/**
 * A wait on one container that began when {@link Engine#watchExit} returned: an exit after that
 * moment is never missed, however soon it follows (the docker CLI asks for the next exit before it
 * starts the container).
 */
public final class ExitWatch {

    private final ContainerRuntime runtime;
    private final ExitMark mark;
    private final WaitCondition condition;

    ExitWatch(ContainerRuntime runtime, ExitMark mark, WaitCondition condition) {
        this.runtime = runtime;
        this.mark = mark;
        this.condition = condition;
    }

    /** The full ID of the container waited for. */
    public String containerId() {
        return mark.id();
    }

    /**
     * Blocks until the condition holds; the container's exit code, or empty when {@code cancelled}
     * turned true first (it is checked at least once a second).
     */
    public OptionalInt await(BooleanSupplier cancelled) {
        return runtime.awaitExit(mark, condition, cancelled);
    }
}
