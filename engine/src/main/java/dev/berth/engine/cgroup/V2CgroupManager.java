package dev.berth.engine.cgroup;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Manages containers' cgroups in the unified (v2) hierarchy at {@code <root>/<parent>/<name>}:
 * memory.max, memory.swap.max, memory.low, cpu.max, cpu.weight, cpuset.*, pids.max, the v2
 * freezer and cgroup.kill (isolation.md §1.4). Controllers are enabled top-down in each
 * ancestor's cgroup.subtree_control. v2 has no device filter here: see {@link #filtersDevices()}.
 */
public final class V2CgroupManager implements CgroupManager {

    /** The controllers berth enables for its containers, when the host offers them. */
    static final List<String> CONTROLLERS = List.of("cpuset", "cpu", "memory", "pids");

    private final Path root;
    private final String parent;
    private final CgroupFs fs;

    /**
     * @param root   the cgroup2 mount point, such as {@code /sys/fs/cgroup}
     * @param parent the parent cgroup, {@link CgroupManager#DEFAULT_PARENT} outside tests
     */
    public V2CgroupManager(Path root, String parent, CgroupFs fs) {
        this.root = root;
        this.parent = CgroupManager.requireValidName("parent", parent);
        this.fs = fs;
    }

    @Override
    public Cgroup create(String name, ResourceLimits limits) {
        CgroupManager.requireValidName("name", name);
        Set<String> available = controllers(root.resolve("cgroup.controllers"));
        requireControllersFor(name, limits, available);
        List<String> wanted = CONTROLLERS.stream().filter(available::contains).toList();
        Path parentDir = root.resolve(parent);
        Path dir = parentDir.resolve(name);
        enable(root, wanted);
        CgroupDirectories.ensureParent(fs, parentDir, displayPath(name));
        enable(parentDir, wanted);
        CgroupDirectories.createNew(fs, dir, displayPath(name));
        try {
            writeLimits(dir, limits);
        } catch (RuntimeException e) {
            throw CgroupDirectories.removeAfterFailure(fs, List.of(dir), e);
        }
        return new V2Cgroup(name, displayPath(name), dir, fs);
    }

    @Override
    public Cgroup open(String name) {
        return find(name).orElseThrow(() -> new CgroupException("open cgroup " + displayPath(name) + ": "
                + root.resolve(parent).resolve(name) + " does not exist"));
    }

    @Override
    public Optional<Cgroup> find(String name) {
        CgroupManager.requireValidName("name", name);
        Path dir = root.resolve(parent).resolve(name);
        return CgroupDirectories.exists(dir, displayPath(name))
                ? Optional.of(new V2Cgroup(name, displayPath(name), dir, fs)) : Optional.empty();
    }

    /** A v2 cgroup is one folder, so it is never incomplete: nothing to remove. */
    @Override
    public void removeIncomplete(String name) {
        CgroupManager.requireValidName("name", name);
    }

    @Override
    public CgroupLayout.Mode mode() {
        return CgroupLayout.Mode.V2;
    }

    /**
     * Always false: v2 filters devices only through an eBPF program, which berth does not load
     * yet, so the runtime must drop CAP_MKNOD on v2.
     */
    @Override
    public boolean filtersDevices() {
        return false;
    }

    private void writeLimits(Path dir, ResourceLimits limits) {
        if (limits.memoryBytes() > 0) {
            ControlFiles.write(fs, dir.resolve("memory.max"), Long.toString(limits.memoryBytes()));
            if (limits.memorySwapBytes() != 0) {
                // v2 limits swap alone, v1 memory + swap: runc's ConvertMemorySwapToCgroupV2Value.
                String swap = limits.memorySwapBytes() == -1 ? "max"
                        : Long.toString(limits.memorySwapBytes() - limits.memoryBytes());
                ControlFiles.write(fs, dir.resolve("memory.swap.max"), swap);
            }
        }
        if (limits.memoryReservationBytes() > 0) {
            ControlFiles.write(fs, dir.resolve("memory.low"), Long.toString(limits.memoryReservationBytes()));
        }
        if (limits.effectiveCpuShares() > 0) {
            ControlFiles.write(fs, dir.resolve("cpu.weight"),
                    Long.toString(CpuWeight.fromShares(limits.effectiveCpuShares())));
        }
        if (limits.nanoCpus() > 0) {
            ControlFiles.write(fs, dir.resolve("cpu.max"),
                    limits.cpuQuotaUs() + " " + ResourceLimits.CPU_PERIOD_US);
        }
        if (!limits.cpusetCpus().isEmpty()) {
            ControlFiles.write(fs, dir.resolve("cpuset.cpus"), limits.cpusetCpus());
        }
        if (!limits.cpusetMems().isEmpty()) {
            ControlFiles.write(fs, dir.resolve("cpuset.mems"), limits.cpusetMems());
        }
        limits.pidsMax().ifPresent(max -> ControlFiles.write(fs, dir.resolve("pids.max"), max));
    }

    private void enable(Path dir, List<String> wanted) {
        Path subtree = dir.resolve("cgroup.subtree_control");
        Set<String> enabled = controllers(subtree);
        for (String controller : wanted) {
            if (!enabled.contains(controller)) {
                ControlFiles.write(fs, subtree, "+" + controller);
            }
        }
    }

    private void requireControllersFor(String name, ResourceLimits limits, Set<String> available) {
        for (String controller : limits.controllersNeeded()) {
            if (!available.contains(controller)) {
                throw new CgroupException("create cgroup " + displayPath(name) + ": the limits need the "
                        + controller + " controller, which " + root.resolve("cgroup.controllers")
                        + " does not offer");
            }
        }
    }

    private Set<String> controllers(Path file) {
        String text = ControlFiles.read(fs, file);
        return text.isEmpty() ? Set.of() : Set.of(text.split("\\s+"));
    }

    private String displayPath(String name) {
        return "/" + parent + "/" + name;
    }
}
