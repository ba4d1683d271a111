package dev.berth.engine.runtime;

import dev.berth.engine.runtime.launch.Mount;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the runtime plugs in per-container files such as /etc/hosts, /etc/hostname and
 * /etc/resolv.conf: they are written into the container's folder before each start and come back
 * as bind mounts.
 */
@FunctionalInterface
public interface ContainerFiles {

    /** Writes the files for a container about to start and returns the mounts that expose them. */
    List<Mount> prepare(String containerId, Path containerDir, String hostname, CreateOptions options);

    /** No generated files: the image's own /etc stays visible. */
    static ContainerFiles none() {
        return (id, dir, hostname, options) -> List.of();
    }
}
