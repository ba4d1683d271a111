package dev.berth.engine.cgroup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** A container's cgroup in the unified (v2) hierarchy: one directory. */
public final class V2Cgroup implements Cgroup {

    private static final Duration FREEZE_TIMEOUT = Duration.ofSeconds(2);

    private final String name;
    private final String displayPath;
    private final Path directory;
    private final CgroupFs fs;

    V2Cgroup(String name, String displayPath, Path directory, CgroupFs fs) {
        this.name = name;
        this.displayPath = displayPath;
        this.directory = directory;
        this.fs = fs;
    }

    @Override
    public String name() {
        return name;
    }

    /** The cgroup's directory, such as {@code /sys/fs/cgroup/berth/web-1}. */
    public Path directory() {
        return directory;
    }

    @Override
    public List<Path> procsFiles() {
        return List.of(directory.resolve("cgroup.procs"));
    }

    @Override
    public void addProcess(long pid) {
        ControlFiles.write(fs, directory.resolve("cgroup.procs"), Long.toString(pid));
    }

    @Override
    public void freeze() {
        setFrozen(true);
    }

    @Override
    public void thaw() {
        setFrozen(false);
    }

    private void setFrozen(boolean freeze) {
        Path control = directory.resolve("cgroup.freeze");
        if (!Files.exists(control)) {
            throw new CgroupException((freeze ? "freeze" : "thaw") + " cgroup " + displayPath
                    + ": " + control + " does not exist (the cgroup v2 freezer needs Linux 5.2)");
        }
        ControlFiles.write(fs, control, freeze ? "1" : "0");
        if (!Poll.until(FREEZE_TIMEOUT, () -> frozen() == freeze)) {
            if (freeze) {
                ControlFiles.write(fs, control, "0");
            }
            throw new CgroupException((freeze ? "freeze" : "thaw") + " cgroup " + displayPath
                    + ": cgroup.events did not report frozen " + (freeze ? 1 : 0) + " after "
                    + FREEZE_TIMEOUT.toSeconds() + "s" + (freeze ? "; thawed it again, try later" : ""));
        }
    }

    @Override
    public boolean frozen() {
        return ControlFiles.keyedValue(fs, directory.resolve("cgroup.events"), "frozen").orElse(0L) == 1;
    }

    @Override
    public long oomKillCount() {
        Path events = directory.resolve("memory.events");
        if (!Files.exists(events)) {
            return 0;
        }
        return ControlFiles.keyedValue(fs, events, "oom_kill").orElse(0L);
    }

    @Override
    public CgroupUsage usage() {
        return UsageReader.v2(fs, directory);
    }

    @Override
    public Set<Long> pids() {
        return ControlFiles.pids(fs, directory.resolve("cgroup.procs"));
    }

    @Override
    public void killAll() {
        Path kill = directory.resolve("cgroup.kill");
        if (Files.exists(kill)) {
            ControlFiles.write(fs, kill, "1");
        } else {
            // Before Linux 5.14: freezing first leaves no window for a fork to escape the kill.
            freeze();
            try {
                Emptying.sigkill(pids());
            } finally {
                thaw();
            }
        }
        Emptying.awaitEmpty("kill processes of", displayPath, this::pids);
    }

    @Override
    public void remove() {
        Emptying.awaitEmpty("remove", displayPath, this::pids);
        if (!Files.exists(directory)) {
            return;
        }
        try {
            fs.removeDirectory(directory);
        } catch (IOException e) {
            throw new CgroupException("remove cgroup " + displayPath + ": rmdir " + directory + ": "
                    + ControlFiles.reason(e), e);
        }
    }

    @Override
    public String readControlFile(String fileName) {
        return ControlFiles.read(fs, directory.resolve(fileName));
    }

    @Override
    public String toString() {
        return "v2 cgroup " + displayPath;
    }
}
