package dev.berth.engine.runtime;

import java.nio.file.Path;
import java.util.List;

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
