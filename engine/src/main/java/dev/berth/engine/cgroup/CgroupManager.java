package dev.berth.engine.cgroup;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Creates and finds containers' cgroups under berth's parent cgroup. Obtain one from
 * {@link Cgroups#detect()}.
 */
public sealed interface CgroupManager permits V1CgroupManager, V2CgroupManager {

    /** The name Docker-like tools would show: the parent cgroup berth puts containers under. */
    String DEFAULT_PARENT = "berth";

    /**
     * Creates {@code <parent>/<name>} in every hierarchy and writes {@code limits}; on a failure
     * the directories it created are removed again.
     *
     * @throws CgroupException if it exists already or a limit cannot be written
     */
    Cgroup create(String name, ResourceLimits limits);

    /**
     * Opens an existing cgroup, for instance after an engine restart.
     *
     * @throws CgroupException if it does not exist, or cannot be looked up ({@link #find})
     */
    Cgroup open(String name);

    /**
     * The existing cgroup {@code name}, or empty when it does not exist: its folder is absent from
     * every hierarchy.
     *
     * @throws CgroupException when the lookup itself fails (EACCES, a path that is not a folder), which
     *                         is not the same as "no cgroup"; {@link IncompleteCgroupException} for a
     *                         cgroup present in some hierarchies and absent from others
     */
    Optional<Cgroup> find(String name);

    /**
     * Removes the folders of an incomplete cgroup ({@link IncompleteCgroupException}), left by a
     * process killed while it created or removed it. No process is in such a cgroup: a container
     * joins its cgroup only once every folder exists, and is removed only once it has ended.
     *
     * @throws CgroupException when a folder cannot be removed
     */
    void removeIncomplete(String name);

    /** {@link CgroupLayout.Mode#V1} or {@link CgroupLayout.Mode#V2}. */
    CgroupLayout.Mode mode();

    /**
     * Whether this manager restricts device access. Only v1 has a device filter here; on v2 the
     * runtime must drop CAP_MKNOD, or a container could create and open a host disk node.
     */
    boolean filtersDevices();

    /** Rejects names that are not one plain path element. */
    static String requireValidName(String what, String name) {
        if (name == null || !Pattern.matches("[A-Za-z0-9][A-Za-z0-9_.-]*", name)) {
            throw new CgroupException("invalid cgroup " + what + " \"" + name
                    + "\": use letters, digits, '_', '.' and '-', starting with a letter or digit");
        }
        return name;
    }
}
