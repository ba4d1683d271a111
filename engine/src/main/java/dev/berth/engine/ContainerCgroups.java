package dev.berth.engine;

import dev.berth.engine.core.EngineException;
import dev.berth.engine.cgroup.Cgroup;
import dev.berth.engine.cgroup.CgroupException;
import dev.berth.engine.cgroup.CgroupLayout;
import dev.berth.engine.cgroup.CgroupManager;
import dev.berth.engine.cgroup.CgroupUsage;
import dev.berth.engine.cgroup.IncompleteCgroupException;
import dev.berth.engine.cgroup.ResourceLimits;
import dev.berth.engine.cgroup.V1Cgroup;
import dev.berth.engine.runtime.CgroupAttachment;
import dev.berth.engine.runtime.ContainerLimits;
import dev.berth.engine.runtime.CreateOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * The runtime's cgroups on a {@link CgroupManager}: one cgroup per container, named after its ID
 * under the manager's parent ({@code berth} outside tests), with the container's memory, swap,
 * CPU and pids limits (isolation.md section 1.4).
 */
public final class ContainerCgroups implements CgroupAttachment {

    private final CgroupManager manager;

    public ContainerCgroups(CgroupManager manager) {
        this.manager = manager;
    }

    /**
     * Docker's reading of the limits: memory + swap is twice the memory when only memory is set,
     * {@code --pids-limit} 0 or -1 is unlimited.
     *
     * @throws EngineException with Docker's message when the limits are inconsistent
     */
    public static ResourceLimits resourceLimits(ContainerLimits l) {
        try {
            return new ResourceLimits(l.memoryBytes(), l.memorySwapBytes(), 0, l.nanoCpus(), 0, "", "",
                    l.pidsLimit() == 0 ? OptionalLong.empty() : OptionalLong.of(l.pidsLimit() > 0 ? l.pidsLimit() : -1))
                    .withDockerSwapDefault();
        } catch (IllegalArgumentException e) {
            throw new EngineException(e.getMessage(), e);
        }
    }

    /**
     * Checks the limits before a container is created, with Docker's messages.
     *
     * @throws EngineException e.g. {@code Range of CPUs is from 0.01 to 2.00, as there are only 2 CPUs available}
     */
    public static void validate(ContainerLimits limits, int hostCpus) {
        try {
            resourceLimits(limits).requireCpusAvailable(hostCpus);
        } catch (IllegalArgumentException e) {
            throw new EngineException(e.getMessage(), e);
        }
    }

    @Override
    public List<Path> prepare(String containerId, CreateOptions options) {
        return findOrClearIncomplete(containerId)
                .orElseGet(() -> manager.create(containerId, resourceLimits(options.limits()))).procsFiles();
    }

    @Override
    public boolean oomKilled(String containerId) {
        return find(containerId).map(c -> c.oomKillCount() > 0).orElse(false);
    }

    /** Kills what is left in the cgroup (the container has ended or is being removed) and removes it. */
    @Override
    public void release(String containerId) {
        Optional<Cgroup> cgroup = findOrClearIncomplete(containerId);
        if (cgroup.isPresent()) {
            if (!cgroup.get().pids().isEmpty()) {
                cgroup.get().killAll();
            }
            cgroup.get().remove();
        }
    }

    /**
     * On v1 the controller folders of the container's own cgroup, as Docker shows them with the
     * host's cgroup namespace; nothing on v2, where that needs a private cgroup namespace the
     * launcher does not create yet.
     */
    @Override
    public Map<String, Path> binds(String containerId) {
        Map<String, Path> binds = new TreeMap<>();
        if (find(containerId).orElse(null) instanceof V1Cgroup v1) {
            v1.directories().forEach((controller, dir) -> binds.put(CgroupLayout.folderName(controller), dir));
        }
        return binds;
    }

    /** The PIDs in the container's cgroup now; empty when it has none. */
    public java.util.Set<Long> pids(String containerId) {
        return find(containerId).map(Cgroup::pids).orElse(java.util.Set.of());
    }

    /** What the container's cgroup has used so far; empty when it has none (it is not running). */
    public Optional<CgroupUsage> usage(String containerId) {
        return find(containerId).map(Cgroup::usage);
    }

    @Override
    public void freeze(String containerId) {
        existing(containerId, "pause").freeze();
    }

    @Override
    public void thaw(String containerId) {
        existing(containerId, "unpause").thaw();
    }

    private Cgroup existing(String containerId, String verb) {
        return find(containerId).orElseThrow(() -> new EngineException("cannot " + verb + " container "
                + containerId + ": it has no cgroup (is it running?)"));
    }

    /**
     * The container's cgroup; an incomplete one (a process killed while it made or removed it) is
     * removed first and reported as none, so that a start makes it anew and a removal finishes.
     */
    private Optional<Cgroup> findOrClearIncomplete(String containerId) {
        try {
            return find(containerId);
        } catch (IncompleteCgroupException e) {
            manager.removeIncomplete(containerId);
            return Optional.empty();
        }
    }

    /** Empty only when the container has no cgroup; a failed lookup is an error, not "none". */
    private Optional<Cgroup> find(String containerId) {
        return manager.find(containerId);
    }
}
