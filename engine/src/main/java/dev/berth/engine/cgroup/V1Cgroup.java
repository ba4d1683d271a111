package dev.berth.engine.cgroup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A container's cgroup in the v1 hierarchies: one directory per mounted controller. */
public final class V1Cgroup implements Cgroup {

    private static final Duration FREEZE_TIMEOUT = Duration.ofSeconds(2);

    private final String name;
    private final String displayPath;
    private final Map<String, Path> directories;
    private final CgroupFs fs;

    /**
     * @param directories each controller's directory for this cgroup; co-mounted controllers share
     *                    one
     */
    V1Cgroup(String name, String displayPath, Map<String, Path> directories, CgroupFs fs) {
        this.name = name;
        this.displayPath = displayPath;
        this.directories = Map.copyOf(directories);
        this.fs = fs;
    }

    @Override
    public String name() {
        return name;
    }

    /** The directory of {@code controller}, such as {@code /sys/fs/cgroup/memory/berth/web-1}. */
    /** The folder of each controller mounted on this host, in {@link CgroupLayout#V1_CONTROLLERS} order. */
    public Map<String, Path> directories() {
        Map<String, Path> mounted = new LinkedHashMap<>();
        for (String controller : CgroupLayout.V1_CONTROLLERS) {
            if (directories.containsKey(controller)) {
                mounted.put(controller, directories.get(controller));
            }
        }
        return mounted;
    }

    public Path directory(String controller) {
        Path dir = directories.get(controller);
        if (dir == null) {
            throw new CgroupException("cgroup " + displayPath + ": the " + controller
                    + " controller is not mounted on this host");
        }
        return dir;
    }

    @Override
    public List<Path> procsFiles() {
        return distinctDirectories().stream().map(dir -> dir.resolve("cgroup.procs")).toList();
    }

    @Override
    public void addProcess(long pid) {
        for (Path procs : procsFiles()) {
            ControlFiles.write(fs, procs, Long.toString(pid));
        }
    }

    @Override
    public void freeze() {
        Path state = directory("freezer").resolve("freezer.state");
        ControlFiles.write(fs, state, "FROZEN");
        // The kernel may stay in FREEZING while a task is in an uninterruptible sleep; asking
        // again is how runc gets it over the line.
        boolean frozen = Poll.until(FREEZE_TIMEOUT, () -> {
            String current = ControlFiles.read(fs, state);
            if (current.equals("FREEZING")) {
                ControlFiles.write(fs, state, "FROZEN");
            }
            return current.equals("FROZEN");
        });
        if (!frozen) {
            ControlFiles.write(fs, state, "THAWED");
            throw new CgroupException("freeze cgroup " + displayPath + ": still "
                    + ControlFiles.read(fs, state) + " after " + FREEZE_TIMEOUT.toSeconds()
                    + "s; thawed it again, try later");
        }
    }

    @Override
    public void thaw() {
        Path state = directory("freezer").resolve("freezer.state");
        ControlFiles.write(fs, state, "THAWED");
        if (!Poll.until(FREEZE_TIMEOUT, () -> ControlFiles.read(fs, state).equals("THAWED"))) {
            throw new CgroupException("thaw cgroup " + displayPath + ": still "
                    + ControlFiles.read(fs, state) + " after " + FREEZE_TIMEOUT.toSeconds() + "s");
        }
    }

    @Override
    public boolean frozen() {
        return ControlFiles.read(fs, directory("freezer").resolve("freezer.state")).equals("FROZEN");
    }

    @Override
    public long oomKillCount() {
        Path memory = directories.get("memory");
        if (memory == null) {
            return 0;
        }
        return ControlFiles.keyedValue(fs, memory.resolve("memory.oom_control"), "oom_kill").orElse(0L);
    }

    @Override
    public CgroupUsage usage() {
        return UsageReader.v1(fs, directories);
    }

    @Override
    public Set<Long> pids() {
        Set<Long> pids = new LinkedHashSet<>();
        for (Path procs : procsFiles()) {
            pids.addAll(ControlFiles.pids(fs, procs));
        }
        return pids;
    }

    @Override
    public void killAll() {
        boolean canFreeze = directories.containsKey("freezer");
        if (canFreeze) {
            freeze();
        }
        try {
            Emptying.sigkill(pids());
        } finally {
            if (canFreeze) {
                thaw();
            }
        }
        Emptying.awaitEmpty("kill processes of", displayPath, this::pids);
    }

    @Override
    public void remove() {
        Emptying.awaitEmpty("remove", displayPath, this::pids);
        List<String> failures = new ArrayList<>();
        for (Path dir : distinctDirectories()) {
            try {
                if (Files.exists(dir)) {
                    fs.removeDirectory(dir);
                }
            } catch (IOException e) {
                failures.add(dir + " (" + ControlFiles.reason(e) + ")");
            }
        }
        if (!failures.isEmpty()) {
            throw new CgroupException("remove cgroup " + displayPath + ": could not remove "
                    + String.join(", ", failures));
        }
    }

    @Override
    public String readControlFile(String fileName) {
        String prefix = fileName.substring(0, Math.max(fileName.indexOf('.'), 0));
        Path dir = directories.containsKey(prefix) ? directories.get(prefix)
                : distinctDirectories().getFirst();
        return ControlFiles.read(fs, dir.resolve(fileName));
    }

    private List<Path> distinctDirectories() {
        return new ArrayList<>(new LinkedHashSet<>(CgroupLayout.V1_CONTROLLERS.stream()
                .filter(directories::containsKey).map(directories::get).toList()));
    }

    @Override
    public String toString() {
        return "v1 cgroup " + displayPath;
    }
}
