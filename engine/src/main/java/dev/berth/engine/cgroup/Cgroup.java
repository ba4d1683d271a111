package dev.berth.engine.cgroup;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * One container's cgroup: the directories {@code <controller>/<parent>/<name>} on v1, or
 * {@code <root>/<parent>/<name>} on v2. Obtained from {@link CgroupManager#create} or
 * {@link CgroupManager#open}; holds no open resources.
 */
public sealed interface Cgroup permits V1Cgroup, V2Cgroup {

    /** The container's cgroup name, the last path element. */
    String name();

    /**
     * The cgroup.procs files a launcher writes its own PID into before it clones the container,
     * so that every process of the container is born inside the cgroup: one per mounted v1
     * hierarchy, one on v2.
     */
    List<Path> procsFiles();

    /** Moves the process {@code pid} (with all its threads) into this cgroup. */
    void addProcess(long pid);

    /**
     * Freezes every process in the cgroup and returns once the kernel reports it frozen.
     *
     * @throws CgroupException if the freezer is not available or the cgroup did not freeze in time
     *                         (then it is thawed again)
     */
    void freeze();

    /** Thaws the cgroup and returns once the kernel reports it thawed. */
    void thaw();

    /** Whether the kernel reports the cgroup frozen. */
    boolean frozen();

    /** How many processes the OOM killer has killed in this cgroup; 0 without a memory controller. */
    long oomKillCount();

    /** What the cgroup has used so far (CPU, memory, pids, block I/O), for {@code docker stats}. */
    CgroupUsage usage();

    /** The PIDs of the processes in the cgroup now, in all its hierarchies. */
    Set<Long> pids();

    /**
     * Sends SIGKILL to every process in the cgroup, with no window for a fork to escape (v2
     * {@code cgroup.kill}, else freeze + kill + thaw), and waits until it is empty.
     *
     * @throws CgroupException if processes remain after the deadline
     */
    void killAll();

    /**
     * Removes the cgroup's directories, waiting briefly for exiting processes to leave.
     *
     * @throws CgroupException naming the remaining PIDs when processes are still in it after the
     *                         deadline; nothing is removed then
     */
    void remove();

    /**
     * The trimmed content of a control file such as {@code memory.limit_in_bytes},
     * {@code cpu.max} or {@code devices.list}, found in the hierarchy its prefix names; for
     * read-back of the applied limits.
     */
    String readControlFile(String fileName);
}
