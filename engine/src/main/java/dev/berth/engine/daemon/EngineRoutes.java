package dev.berth.engine.daemon;

import dev.berth.engine.Engine;
import dev.berth.engine.api.ContainerStreamRoutes;
import dev.berth.engine.api.ExecRoutes;
import dev.berth.engine.api.ContainerRoutes;
import dev.berth.engine.api.ImageRoutes;
import dev.berth.engine.api.RouteGroup;
import dev.berth.engine.api.ServerIdentity;
import dev.berth.engine.api.VolumeRoutes;
import java.util.List;

/**
 * The engine opened in the daemon's process on its data root, with the route groups served from
 * it so far (containers, volumes, images, exec, logs and attach) and the counts {@code /info} reports.
 * Closing leaves containers running.
 */
public final class EngineRoutes implements EngineBinding {

    private final Engine engine;

    private EngineRoutes(Engine engine) {
        this.engine = engine;
    }

    /** Opens the engine on the daemon's data root, its containers' cgroups under {@code cgroupParent}. */
    public static EngineBinding.Opener opener(String cgroupParent) {
        return config -> new EngineRoutes(Engine.open(config.dataRoot(), cgroupParent));
    }

    @Override
    public List<RouteGroup> routes() {
        return List.of(new ContainerRoutes(engine), new VolumeRoutes(engine), new ImageRoutes(engine),
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
        // The engine holds no resources of its own: containers and their monitors outlive it.
    }
}
