package dev.berth.engine.api;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * What the daemon tells about itself in /version and /info: its IDs, data root, registries and
 * labels, and a source of object counts (containers, images) for /info.
 *
 * @param id       the engine's ID, kept in the data root so it survives restarts
 * @param pid      the daemon's process ID (berth's own component in /version carries it)
 * @param counts   the engine's object counts; {@link ObjectCounts#NONE} until the engine is wired in
 */
public record ServerIdentity(String id, String berthVersion, long pid, Path dataRoot, List<String> labels,
                             List<String> registryMirrors, List<String> insecureRegistries,
                             Supplier<ObjectCounts> counts) {

    /**
     * The Docker release whose API berth speaks (Docker 25.0 introduced API 1.44), suffixed with
     * berth's name: clients that check the engine's {@code Version} (Testcontainers wants at
     * least 1.6.0) compare this, not berth's own version, which /version reports as a component.
     */
    public static final String ENGINE_VERSION = "25.0.0-berth";

    public ServerIdentity {
        labels = List.copyOf(labels);
        registryMirrors = List.copyOf(registryMirrors);
        insecureRegistries = List.copyOf(insecureRegistries);
    }

    /** How many containers (by state) and images the engine holds. */
    public record ObjectCounts(int containers, int running, int paused, int stopped, int images) {
        public static final ObjectCounts NONE = new ObjectCounts(0, 0, 0, 0, 0);
    }
}
