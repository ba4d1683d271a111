package dev.berth.engine.cgroup;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where this host mounts its cgroup hierarchies, read from {@code /proc/self/mountinfo}.
 *
 * <p>A host is {@link Mode#V1} when at least one v1 controller berth uses is mounted, even if a
 * cgroup2 hierarchy is mounted too (a hybrid host such as Debian with systemd's
 * {@code /sys/fs/cgroup/unified}): the limits live in the v1 controllers there, and crun's refusal
 * of such hosts shows that mixing both is a trap. It is {@link Mode#V2} when only a cgroup2
 * hierarchy is mounted.
 *
 * @param v1Controllers each v1 controller berth knows, mapped to its mount point (co-mounted
 *                      controllers such as {@code cpu,cpuacct} share one path)
 * @param unified       the cgroup2 mount point, if any
 */
public record CgroupLayout(Map<String, Path> v1Controllers, Optional<Path> unified) {

    /**
     * The v1 hierarchies berth creates a container's cgroup in, as runc does: the controllers whose
     * limits it writes, plus {@code blkio} and the named {@code name=systemd} hierarchy, so that a
     * container's {@code /sys/fs/cgroup} shows every hierarchy Docker shows there.
     */
    public static final List<String> V1_CONTROLLERS =
            List.of("memory", "cpu", "cpuacct", "cpuset", "pids", "freezer", "devices", "blkio", "name=systemd");

    /** The folder name a hierarchy has under {@code /sys/fs/cgroup}: its controller, or a named one's name. */
    public static String folderName(String controller) {
        return controller.startsWith("name=") ? controller.substring("name=".length()) : controller;
    }

    /** How limits are applied on a host. */
    public enum Mode { V1, V2 }

    public CgroupLayout {
        v1Controllers = Collections.unmodifiableMap(new LinkedHashMap<>(v1Controllers));
    }

    /** The mode this layout is managed in; see the class comment for hybrid hosts. */
    public Mode mode() {
        if (!v1Controllers.isEmpty()) {
            return Mode.V1;
        }
        if (unified.isPresent()) {
            return Mode.V2;
        }
        throw new CgroupException("no cgroup hierarchy is mounted (no \"cgroup\" or \"cgroup2\" entry"
                + " in /proc/self/mountinfo): mount cgroup2 on /sys/fs/cgroup");
    }

    /**
     * Parses the text of a mountinfo file (proc(5)): fields 5 (mount point) and, after the
     * {@code -} separator, the filesystem type and super options, which list a v1 hierarchy's
     * controllers.
     */
    public static CgroupLayout parseMountinfo(String mountinfo) {
        Map<String, Path> controllers = new LinkedHashMap<>();
        Path unified = null;
        for (String line : mountinfo.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.split(" ");
            int separator = List.of(fields).indexOf("-");
            if (separator < 6 || fields.length < separator + 4) {
                throw new CgroupException("read /proc/self/mountinfo: malformed line \"" + line + "\"");
            }
            String type = fields[separator + 1];
            Path mountPoint = Path.of(unescape(fields[4]));
            if (type.equals("cgroup2")) {
                if (unified == null) {
                    unified = mountPoint;
                }
            } else if (type.equals("cgroup")) {
                Set<String> options = Set.of(fields[separator + 3].split(","));
                for (String controller : V1_CONTROLLERS) {
                    if (options.contains(controller)) {
                        controllers.putIfAbsent(controller, mountPoint);
                    }
                }
            }
        }
        return new CgroupLayout(controllers, Optional.ofNullable(unified));
    }

    /** mountinfo escapes space, tab, newline and backslash as three octal digits. */
    private static String unescape(String field) {
        StringBuilder out = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && i + 3 < field.length()
                    && field.substring(i + 1, i + 4).chars().allMatch(d -> d >= '0' && d <= '7')) {
                out.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
