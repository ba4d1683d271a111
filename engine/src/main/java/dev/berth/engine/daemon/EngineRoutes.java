package dev.berth.engine.daemon;

import dev.berth.engine.Engine;
import dev.berth.engine.Supervisor;
import dev.berth.engine.api.ArchiveRoutes;
import dev.berth.engine.api.ContainerRoutes;
import dev.berth.engine.api.ContainerStreamRoutes;
import dev.berth.engine.api.DiskUsageRoutes;
import dev.berth.engine.api.EventRoutes;
import dev.berth.engine.api.ExecRoutes;
import dev.berth.engine.api.ImageRoutes;
import dev.berth.engine.api.RouteGroup;
import dev.berth.engine.api.ServerIdentity;
import dev.berth.engine.api.VolumeRoutes;
import java.util.List;
import java.util.function.Consumer;

/**
 * The engine opened in the daemon's process on its data root, with its supervisor, the route groups
 * served from it (containers with their logs, attach and exec; volumes, images, disk usage,
 * archives, events) and the counts
 * {@code /info} reports. Closing stops the supervisor and leaves containers running.
 */
public final class EngineRoutes implements EngineBinding {

    private final Engine engine;
    private final Supervisor supervisor;
    private volatile Consumer<String> problems = message -> System.err.println("berth daemon: " + message);

    private EngineRoutes(Engine engine) {
        this.engine = engine;
        this.supervisor = Supervisor.start(engine, message -> problems.accept(message));
    }

    /**
     * Opens the engine on the daemon's data root, its containers' cgroups under {@code cgroupParent},
     * and starts its supervisor (restart policies, healthchecks, exits noticed as they happen).
     */
    public static EngineBinding.Opener opener(String cgroupParent) {
        return config -> new EngineRoutes(Engine.open(config.dataRoot(), cgroupParent));
    }

    /**
     * Serves {@code engine}, already opened on the daemon's data root, and supervises it: for tests
     * that drive the engine beside its API.
     */
    public static EngineBinding.Opener serving(Engine engine) {
        return config -> new EngineRoutes(engine);
    }

    @Override
    public void reportTo(Consumer<String> log) {
        problems = log;
    }

    @Override
    public List<RouteGroup> routes() {
        return groups(engine);
    }

    /** The route groups served from {@code engine}. */
    public static List<RouteGroup> groups(Engine engine) {
        return List.of(new ContainerRoutes(engine), new VolumeRoutes(engine), new ImageRoutes(engine),
                new DiskUsageRoutes(engine), new ArchiveRoutes(engine), new EventRoutes(engine.events()),
                new ExecRoutes(engine), new ContainerStreamRoutes(engine));
    }

    @Override
    public ServerIdentity.ObjectCounts counts() {
        List<String> statuses = engine.containerStatuses();
        int running = (int) statuses.stream().filter("running"::equals).count();
        int paused = (int) statuses.stream().filter("paused"::equals).count();
        return new ServerIdentity.ObjectCounts(statuses.size(), running, paused, statuses.size() - running - paused,
                engine.images().size());
    }

    @Override
    public void close() {
        // Containers and their monitors outlive the engine: only the supervising stops.
        supervisor.close();
    }
}
