package dev.berth.engine.cgroup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Manages containers' cgroups in the v1 hierarchies: memory, cpu, cpuacct, cpuset, pids, freezer
 * and devices, each at {@code <mount>/<parent>/<name>} (file names: isolation.md §1.4).
 */
public final class V1CgroupManager implements CgroupManager {

    private final Map<String, Path> mounts;
    private final String parent;
    private final CgroupFs fs;

    /**
     * @param mounts each controller's mount point, as in {@link CgroupLayout#v1Controllers()}
     * @param parent the parent cgroup, {@link CgroupManager#DEFAULT_PARENT} outside tests
     */
    public V1CgroupManager(Map<String, Path> mounts, String parent, CgroupFs fs) {
        if (mounts.isEmpty()) {
            throw new CgroupException("no v1 cgroup controller is mounted: cannot manage v1 cgroups");
        }
        this.mounts = Map.copyOf(mounts);
        this.parent = CgroupManager.requireValidName("parent", parent);
        this.fs = fs;
    }

    @Override
    public Cgroup create(String name, ResourceLimits limits) {
        CgroupManager.requireValidName("name", name);
        requireControllersFor(name, limits);
        Map<String, Path> dirs = directories(name);
        List<Path> created = new ArrayList<>();
        try {
            for (Path mount : distinct(mounts)) {
                Path parentDir = mount.resolve(parent);
                if (CgroupDirectories.ensureParent(fs, parentDir, displayPath(name))) {
                    copyCpusetFromParent(parentDir);
                }
                Path dir = parentDir.resolve(name);
                CgroupDirectories.createNew(fs, dir, displayPath(name));
                created.add(dir);
                copyCpusetFromParent(dir);
            }
            V1Cgroup cgroup = new V1Cgroup(name, displayPath(name), dirs, fs);
            writeLimits(cgroup, limits);
            return cgroup;
        } catch (RuntimeException e) {
            throw CgroupDirectories.removeAfterFailure(fs, created, e);
        }
    }

    @Override
    public Cgroup open(String name) {
        return find(name).orElseThrow(() -> new CgroupException("open cgroup " + displayPath(name) + ": "
                + distinct(mounts).iterator().next().resolve(parent).resolve(name) + " does not exist"));
    }

    @Override
    public Optional<Cgroup> find(String name) {
        CgroupManager.requireValidName("name", name);
        List<Path> present = new ArrayList<>();
        List<Path> absent = new ArrayList<>();
        for (Path mount : distinct(mounts)) {
            Path dir = mount.resolve(parent).resolve(name);
            (CgroupDirectories.exists(dir, displayPath(name)) ? present : absent).add(dir);
        }
        if (present.isEmpty()) {
            return Optional.empty();
        }
        if (!absent.isEmpty()) {
            throw new IncompleteCgroupException("open cgroup " + displayPath(name) + ": " + absent.getFirst()
                    + " does not exist, though " + present.getFirst() + " does: the cgroup is incomplete"
                    + " (a process was killed while it made or removed it)");
        }
        return Optional.of(new V1Cgroup(name, displayPath(name), directories(name), fs));
    }

    @Override
    public void removeIncomplete(String name) {
        CgroupManager.requireValidName("name", name);
        List<String> failures = new ArrayList<>();
        for (Path mount : distinct(mounts)) {
            Path dir = mount.resolve(parent).resolve(name);
            if (CgroupDirectories.exists(dir, displayPath(name))) {
                try {
                    fs.removeDirectory(dir);
                } catch (java.io.IOException e) {
                    failures.add(dir + " (" + ControlFiles.reason(e) + ")");
                }
            }
        }
        if (!failures.isEmpty()) {
            throw new CgroupException("remove the incomplete cgroup " + displayPath(name) + ": could not remove "
                    + String.join(", ", failures));
        }
    }

    @Override
    public CgroupLayout.Mode mode() {
        return CgroupLayout.Mode.V1;
    }

    @Override
    public boolean filtersDevices() {
        return mounts.containsKey("devices");
    }

    private void writeLimits(V1Cgroup cgroup, ResourceLimits limits) {
        if (limits.memoryBytes() > 0) {
            Path memory = cgroup.directory("memory");
            ControlFiles.write(fs, memory.resolve("memory.limit_in_bytes"),
                    Long.toString(limits.memoryBytes()));
            Path memsw = memory.resolve("memory.memsw.limit_in_bytes");
            // Without swap accounting the file is absent; Docker then limits memory only.
            if (limits.memorySwapBytes() != 0 && Files.exists(memsw)) {
                ControlFiles.write(fs, memsw, Long.toString(limits.memorySwapBytes()));
            }
        }
        if (limits.memoryReservationBytes() > 0) {
            ControlFiles.write(fs, cgroup.directory("memory").resolve("memory.soft_limit_in_bytes"),
                    Long.toString(limits.memoryReservationBytes()));
        }
        if (limits.effectiveCpuShares() > 0) {
            ControlFiles.write(fs, cgroup.directory("cpu").resolve("cpu.shares"),
                    Long.toString(limits.effectiveCpuShares()));
        }
        if (limits.nanoCpus() > 0) {
            Path cpu = cgroup.directory("cpu");
            ControlFiles.write(fs, cpu.resolve("cpu.cfs_period_us"),
                    Long.toString(ResourceLimits.CPU_PERIOD_US));
            ControlFiles.write(fs, cpu.resolve("cpu.cfs_quota_us"), Long.toString(limits.cpuQuotaUs()));
        }
        if (!limits.cpusetCpus().isEmpty()) {
            ControlFiles.write(fs, cgroup.directory("cpuset").resolve("cpuset.cpus"), limits.cpusetCpus());
        }
        if (!limits.cpusetMems().isEmpty()) {
            ControlFiles.write(fs, cgroup.directory("cpuset").resolve("cpuset.mems"), limits.cpusetMems());
        }
        limits.pidsMax().ifPresent(max ->
                ControlFiles.write(fs, cgroup.directory("pids").resolve("pids.max"), max));
        if (mounts.containsKey("devices")) {
            Path devices = cgroup.directory("devices");
            for (DeviceRules.Rule rule : DeviceRules.DOCKER_DEFAULT) {
                ControlFiles.write(fs, devices.resolve(rule.file()), rule.entry());
            }
        }
    }

    /** A new cpuset cgroup starts with empty cpus and mems and cannot take a process until set. */
    private void copyCpusetFromParent(Path dir) {
        Path cpus = dir.resolve("cpuset.cpus");
        if (!Files.exists(cpus)) {
            return;
        }
        for (String file : List.of("cpuset.cpus", "cpuset.mems")) {
            Path own = dir.resolve(file);
            if (ControlFiles.read(fs, own).isEmpty()) {
                ControlFiles.write(fs, own, ControlFiles.read(fs, dir.getParent().resolve(file)));
            }
        }
    }

    private void requireControllersFor(String name, ResourceLimits limits) {
        for (String controller : limits.controllersNeeded()) {
            if (!mounts.containsKey(controller)) {
                throw new CgroupException("create cgroup " + displayPath(name) + ": the limits need the "
                        + controller + " controller, which is not mounted on this host");
            }
        }
    }

    private Map<String, Path> directories(String name) {
        Map<String, Path> dirs = new LinkedHashMap<>();
        mounts.forEach((controller, mount) -> dirs.put(controller, mount.resolve(parent).resolve(name)));
        return dirs;
    }

    private static Set<Path> distinct(Map<String, Path> mounts) {
        Set<Path> paths = new LinkedHashSet<>();
        for (String controller : CgroupLayout.V1_CONTROLLERS) {
            if (mounts.containsKey(controller)) {
                paths.add(mounts.get(controller));
            }
        }
        return paths;
    }

    private String displayPath(String name) {
        return "/" + parent + "/" + name;
    }
}
