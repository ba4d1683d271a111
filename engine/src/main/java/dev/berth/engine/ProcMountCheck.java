package dev.berth.engine;

import dev.berth.engine.core.EngineException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

import dev.berth.engine.runtime.etc.LayeredRootfs;
import dev.berth.engine.volume.MountSpec;

/**
 * Refuses a mount over {@code /proc} or inside it, as runc's {@code checkProcMount} refuses it when
 * Docker starts such a container, and with its words: only a procfs may be bind-mounted on
 * {@code /proc} itself, and inside it only the few files that lxcfs emulates. The destination is
 * resolved as the runtime resolves it, following the image's symlinks inside the root filesystem,
 * so that a symlink to {@code /proc} in the image does not get around the rule.
 */
final class ProcMountCheck {

    /** What runc lets a mount cover inside /proc: the files lxcfs emulates. */
    private static final List<String> ALLOWED_INSIDE = List.of("/proc/cpuinfo", "/proc/diskstats", "/proc/meminfo",
            "/proc/stat", "/proc/swaps", "/proc/uptime", "/proc/loadavg", "/proc/slabinfo", "/proc/net/dev",
            "/proc/sys/kernel/ns_last_pid", "/proc/sys/crypto/fips_enabled");

    private ProcMountCheck() {
    }

    /**
     * @param rootfs the image's root filesystem, to follow its symlinks
     * @throws EngineException {@code error mounting "SRC" to rootfs at "DST": "/proc" cannot be
     *     mounted because it is not of type proc}, or {@code … because it is inside /proc}
     */
    static void check(MountSpec spec, LayeredRootfs rootfs) {
        String dest = resolve(clean(spec.target()), rootfs);
        if (dest.equals("/proc")) {
            if (spec instanceof MountSpec.Bind b && isProcfs(b.source())) {
                return;
            }
            throw refused(spec, dest, "not of type proc");
        }
        if (dest.startsWith("/proc/") && !ALLOWED_INSIDE.contains(dest)) {
            throw refused(spec, dest, "inside /proc");
        }
    }

    private static EngineException refused(MountSpec spec, String dest, String why) {
        String source = switch (spec) {
            case MountSpec.Bind b -> b.source().toString();
            case MountSpec.Volume v -> v.anonymous() ? "anonymous volume" : v.name();
            case MountSpec.Tmpfs t -> "tmpfs";
        };
        return new EngineException("error mounting \"" + source + "\" to rootfs at \"" + spec.target() + "\": \""
                + dest + "\" cannot be mounted because it is " + why);
    }

    private static boolean isProcfs(Path source) {
        try {
            return Files.getFileStore(source).type().equals("proc");
        } catch (IOException e) {
            return false;
        }
    }

    /** {@code path} made absolute and cleaned lexically, as Go's {@code path.Clean} does. */
    static String clean(String path) {
        Deque<String> parts = new ArrayDeque<>();
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                parts.pollLast();
            } else {
                parts.addLast(part);
            }
        }
        return "/" + String.join("/", parts);
    }

    /**
     * Where a clean absolute path leads inside the image: its longest existing prefix with the
     * image's symlinks followed (inside the root), then the rest, which cannot hold a symlink.
     */
    private static String resolve(String path, LayeredRootfs rootfs) {
        List<String> parts = path.equals("/") ? List.of() : List.of(path.substring(1).split("/"));
        for (int n = parts.size(); n > 0; n--) {
            Optional<String> real = rootfs.realPath("/" + String.join("/", parts.subList(0, n)));
            if (real.isPresent()) {
                List<String> rest = new ArrayList<>(parts.subList(n, parts.size()));
                String base = real.get().equals("/") ? "" : real.get();
                return rest.isEmpty() ? real.get() : clean(base + "/" + String.join("/", rest));
            }
        }
        return path;
    }
}
