package dev.berth.engine.runtime;

import dev.berth.engine.core.EngineException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Where the runtime plugs in cgroups: creating a container's cgroups with its limits before start,
 * naming the {@code cgroup.procs} files the launcher joins, reading the OOM counter, removing them.
 */
public interface CgroupAttachment {

    /** Creates (or reuses) the container's cgroups; returns the {@code cgroup.procs} files to join. */
    List<Path> prepare(String containerId, CreateOptions options);

    /** True when the kernel OOM-killed a process of the container since {@link #prepare}. */
    boolean oomKilled(String containerId);

    /** Removes the container's cgroups; nothing when there are none. */
    void release(String containerId);

    /**
     * The host folders of the container's own cgroups to show read-only under /sys/fs/cgroup
     * inside it, by controller name (Docker's view on a v1 host, where the cgroup namespace is the
     * host's); empty for none.
     */
    default Map<String, Path> binds(String containerId) {
        return Map.of();
    }

    /** Freezes every process of the container (the freezer), for pause. */
    default void freeze(String containerId) {
        throw new EngineException("cannot pause container " + containerId
                + ": this runtime has no cgroups (create the engine with a cgroup manager)");
    }

    /** Thaws a frozen container, for unpause. */
    default void thaw(String containerId) {
        throw new EngineException("cannot unpause container " + containerId
                + ": this runtime has no cgroups (create the engine with a cgroup manager)");
    }

    /** No cgroups: containers run in the caller's cgroups. */
    static CgroupAttachment none() {
        return new CgroupAttachment() {
            @Override
            public List<Path> prepare(String containerId, CreateOptions options) {
                return List.of();
            }

            @Override
            public boolean oomKilled(String containerId) {
                return false;
            }

            @Override
            public void release(String containerId) {
            }
        };
    }
}
