package dev.berth.engine.daemon;

import java.util.List;
import java.util.function.Consumer;

import dev.berth.engine.api.RouteGroup;
import dev.berth.engine.api.ServerIdentity;

/**
 * Where the engine plugs into the daemon: opened once the daemon holds its data root (the single
 * writer), it gives the route groups that serve containers, images, volumes, networks and exec,
 * and the counts /info reports; closed at shutdown, leaving containers running.
 */
public interface EngineBinding extends AutoCloseable {

    /** Opens the engine for a daemon configured by {@code config}. */
    @FunctionalInterface
    interface Opener {
        EngineBinding open(DaemonConfig config);
    }

    /** No engine: the daemon serves the system routes only. */
    Opener NONE = config -> new EngineBinding() {
        @Override
        public List<RouteGroup> routes() {
            return List.of();
        }

        @Override
        public ServerIdentity.ObjectCounts counts() {
            return ServerIdentity.ObjectCounts.NONE;
        }

        @Override
        public void close() {
        }
    };

    List<RouteGroup> routes();

    /** Where the engine reports failures of its background work (the daemon's log), from now on. */
    default void reportTo(Consumer<String> log) {
    }

    ServerIdentity.ObjectCounts counts();

    @Override
    void close();
}
