package dev.berth.engine.api;

import dev.berth.engine.ContainerView;
import dev.berth.engine.Engine;
import dev.berth.engine.ExitWatch;
import dev.berth.engine.core.EngineException;
import dev.berth.engine.core.WaitCondition;
import dev.berth.engine.runtime.NoSuchContainerException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Removes AutoRemove ({@code --rm}) containers once they have ended, with their anonymous
 * volumes, as Docker's daemon does: the daemon created them, so it removes them. A watch begins
 * before the start it is for, so that a container that ends at once is still removed; a restart
 * moves the watch to the next run ({@link #forget}). A container removed by someone else first is
 * not an error.
 */
final class AutoRemover {

    private static final System.Logger LOG = System.getLogger(AutoRemover.class.getName());

    private final Engine engine;
    /** The current watch of each container: an older one that wakes up does nothing. */
    private final Map<String, Long> generations = new ConcurrentHashMap<>();

    AutoRemover(Engine engine) {
        this.engine = engine;
    }

    /** Watches the container from now (call it before starting it) when it is AutoRemove. */
    void watch(String ref) {
        ContainerView c = engine.inspect(ref);
        if (!c.autoRemove()) {
            return;
        }
        long generation = generations.merge(c.id(), 1L, Long::sum);
        ExitWatch watch = engine.watchExit(c.id(), WaitCondition.NEXT_EXIT);
        Thread.ofVirtual().name("auto-remove-" + c.shortId()).start(() -> {
            if (watch.await(() -> generations.getOrDefault(c.id(), 0L) != generation).isEmpty()) {
                return;
            }
            if (!generations.remove(c.id(), generation)) {
                return; // a restart took over between the exit and this check
            }
            try {
                engine.remove(c.id(), true, true);
            } catch (NoSuchContainerException gone) {
                // removed by a client first (docker rm -f)
            } catch (EngineException e) {
                LOG.log(System.Logger.Level.WARNING, "cannot auto-remove container " + c.id() + " after it ended: "
                        + e.getMessage(), e);
            }
        });
    }

    /** Ends the current watch of the container (a restart is about to stop it). */
    void forget(String id) {
        generations.computeIfPresent(id, (k, g) -> g + 1);
    }
}
