package dev.berth.engine.runtime;

import dev.berth.engine.core.Healthcheck;
import dev.berth.engine.core.RestartPolicy;
import dev.berth.engine.runtime.launch.LogOptions;
import dev.berth.engine.runtime.launch.Mount;
import dev.berth.engine.runtime.launch.Rlimit;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a user asks for when creating a container, with the image's config already merged in by the
 * caller (command, entrypoint, env, working dir, user, stop signal).
 *
 * @param name               unique container name; null to use the first 12 characters of the ID
 * @param layerDirs          the image's unpacked layer folders, <b>bottom-first</b> (manifest order)
 * @param entrypoint         the entrypoint; empty for none
 * @param command            the command (arguments of the entrypoint when there is one)
 * @param env                {@code NAME=value} entries
 * @param workingDir         working directory; null for {@code /}
 * @param uid                numeric user (names are resolved by the caller)
 * @param gid                numeric group
 * @param extraGids          supplementary groups
 * @param homeDir            HOME when env has none; null for {@code /root} (uid 0) or {@code /}
 * @param hostname           null for the first 12 characters of the ID
 * @param mounts             binds and tmpfs mounts
 * @param tmpfs              Docker's {@code --tmpfs}: destination to options ("size=64m,mode=755")
 * @param capAdd             capabilities added to Docker's defaults ("NET_ADMIN", "ALL")
 * @param capDrop            capabilities dropped ("MKNOD", "ALL")
 * @param privileged         all capabilities, no masked or read-only paths, no seccomp
 * @param securityOpts       {@code seccomp=unconfined}, {@code no-new-privileges[:true]}
 * @param readOnlyRoot       read-only root filesystem
 * @param shmSize            bytes of /dev/shm; 0 for Docker's 64 MiB
 * @param sysctls            namespaced sysctls on top of Docker's two defaults
 * @param ulimits            resource limits; {@code nofile} replaces the 1024:524288 default
 * @param init               run berth's init as PID 1
 * @param stopSignal         signal number sent by stop (15 when 0)
 * @param stopTimeoutSeconds grace period of stop before SIGKILL (negative for Docker's 10 s)
 * @param log                json-file rotation
 * @param imageId            the image the container was created from (its ID), null when not from the store
 * @param limits             cgroup limits; {@link ContainerLimits#NONE} for none
 * @param volumes            names of the volumes the container mounts (refused removal while it exists)
 * @param anonymousVolumes   names of the anonymous volumes made for it, removed with the container by
 *                           {@code --rm}
 * @param autoRemove         {@code --rm}: the process that created the container removes it (with its
 *                           anonymous volumes) once it has ended; if that process dies first, the next
 *                           engine process on the data root does (Docker's {@code HostConfig.AutoRemove})
 * @param imageName          the image as the creator named it ({@code Config.Image}); null when not from the store
 * @param labels             the container's labels, the image's merged under the creator's
 * @param tty                a terminal for its processes
 * @param openStdin          its stdin stays open for attaching clients
 * @param stdinOnce          stdin closes when the first attached client detaches
 * @param restartPolicy      when it is started again after it ended
 * @param healthcheck        the healthcheck, the image's merged in; null for none
 * @param exposedPorts       ports such as {@code 80/tcp}, the image's merged in, sorted
 * @param domainname         the NIS domain name; null for none
 */
public record CreateOptions(
        String name,
        List<Path> layerDirs,
        List<String> entrypoint,
        List<String> command,
        List<String> env,
        String workingDir,
        int uid,
        int gid,
        List<Integer> extraGids,
        String homeDir,
        String hostname,
        List<Mount> mounts,
        Map<String, String> tmpfs,
        List<String> capAdd,
        List<String> capDrop,
        boolean privileged,
        List<String> securityOpts,
        boolean readOnlyRoot,
        long shmSize,
        Map<String, String> sysctls,
        List<Rlimit> ulimits,
        boolean init,
        int stopSignal,
        int stopTimeoutSeconds,
        LogOptions log,
        String imageId,
        ContainerLimits limits,
        List<String> volumes,
        List<String> anonymousVolumes,
        boolean autoRemove,
        String imageName,
        Map<String, String> labels,
        boolean tty,
        boolean openStdin,
        boolean stdinOnce,
        RestartPolicy restartPolicy,
        Healthcheck healthcheck,
        List<String> exposedPorts,
        String domainname) {

    public CreateOptions {
        layerDirs = List.copyOf(layerDirs);
        entrypoint = List.copyOf(entrypoint);
        command = List.copyOf(command);
        env = List.copyOf(env);
        extraGids = List.copyOf(extraGids);
        mounts = List.copyOf(mounts);
        tmpfs = Map.copyOf(tmpfs);
        capAdd = List.copyOf(capAdd);
        capDrop = List.copyOf(capDrop);
        securityOpts = List.copyOf(securityOpts);
        sysctls = Map.copyOf(sysctls);
        ulimits = List.copyOf(ulimits);
        Objects.requireNonNull(log, "log");
        limits = limits == null ? ContainerLimits.NONE : limits;
        volumes = volumes == null ? List.of() : List.copyOf(volumes);
        anonymousVolumes = anonymousVolumes == null ? List.of() : List.copyOf(anonymousVolumes);
        // config.json files written before these fields existed read them as null
        labels = labels == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(labels));
        restartPolicy = restartPolicy == null ? RestartPolicy.NO : restartPolicy;
        exposedPorts = exposedPorts == null ? List.of() : List.copyOf(new TreeSet<>(exposedPorts));
    }

    /** A builder starting from Docker's defaults, for the layers of one image. */
    public static Builder builder(List<Path> layerDirs) {
        return new Builder(layerDirs);
    }

    /** The signal stop sends. */
    public int effectiveStopSignal() {
        return stopSignal == 0 ? 15 : stopSignal;
    }

    /** The grace period of stop, in seconds. */
    public int effectiveStopTimeout() {
        return stopTimeoutSeconds < 0 ? 10 : stopTimeoutSeconds;
    }

    /** Builds {@link CreateOptions}; unset fields keep Docker's defaults. */
    public static final class Builder {
        private String name;
        private final List<Path> layerDirs;
        private List<String> entrypoint = List.of();
        private List<String> command = List.of();
        private final List<String> env = new ArrayList<>();
        private String workingDir;
        private int uid;
        private int gid;
        private List<Integer> extraGids = List.of();
        private String homeDir;
        private String hostname;
        private final List<Mount> mounts = new ArrayList<>();
        private final Map<String, String> tmpfs = new LinkedHashMap<>();
        private final List<String> capAdd = new ArrayList<>();
        private final List<String> capDrop = new ArrayList<>();
        private boolean privileged;
        private final List<String> securityOpts = new ArrayList<>();
        private boolean readOnlyRoot;
        private long shmSize;
        private final Map<String, String> sysctls = new LinkedHashMap<>();
        private final List<Rlimit> ulimits = new ArrayList<>();
        private boolean init;
        private int stopSignal;
        private int stopTimeoutSeconds = -1;
        private LogOptions log = LogOptions.UNLIMITED;
        private String imageId;
        private ContainerLimits limits = ContainerLimits.NONE;
        private final List<String> volumes = new ArrayList<>();
        private final List<String> anonymousVolumes = new ArrayList<>();
        private boolean autoRemove;
        private String imageName;
        private final Map<String, String> labels = new TreeMap<>();
        private boolean tty;
        private boolean openStdin;
        private boolean stdinOnce;
        private RestartPolicy restartPolicy = RestartPolicy.NO;
        private Healthcheck healthcheck;
        private final List<String> exposedPorts = new ArrayList<>();
        private String domainname;

        private Builder(List<Path> layerDirs) {
            this.layerDirs = List.copyOf(layerDirs);
        }

        public Builder name(String v) { name = v; return this; }
        public Builder entrypoint(String... v) { entrypoint = List.of(v); return this; }
        public Builder command(String... v) { command = List.of(v); return this; }
        public Builder env(String v) { env.add(v); return this; }
        public Builder workingDir(String v) { workingDir = v; return this; }
        public Builder user(int u, int g) { uid = u; gid = g; return this; }
        public Builder extraGids(Integer... v) { extraGids = List.of(v); return this; }
        public Builder homeDir(String v) { homeDir = v; return this; }
        public Builder hostname(String v) { hostname = v; return this; }
        public Builder mount(Mount v) { mounts.add(v); return this; }
        public Builder tmpfs(String destination, String options) { tmpfs.put(destination, options); return this; }
        public Builder capAdd(String v) { capAdd.add(v); return this; }
        public Builder capDrop(String v) { capDrop.add(v); return this; }
        public Builder privileged(boolean v) { privileged = v; return this; }
        public Builder securityOpt(String v) { securityOpts.add(v); return this; }
        public Builder readOnlyRoot(boolean v) { readOnlyRoot = v; return this; }
        public Builder shmSize(long v) { shmSize = v; return this; }
        public Builder sysctl(String k, String v) { sysctls.put(k, v); return this; }
        public Builder ulimit(Rlimit v) { ulimits.add(v); return this; }
        public Builder init(boolean v) { init = v; return this; }
        public Builder stopSignal(int v) { stopSignal = v; return this; }
        public Builder stopTimeoutSeconds(int v) { stopTimeoutSeconds = v; return this; }
        public Builder log(LogOptions v) { log = v; return this; }
        public Builder imageId(String v) { imageId = v; return this; }
        public Builder limits(ContainerLimits v) { limits = v; return this; }
        public Builder autoRemove(boolean v) { autoRemove = v; return this; }
        public Builder imageName(String v) { imageName = v; return this; }
        public Builder labels(Map<String, String> v) { labels.putAll(v); return this; }
        public Builder tty(boolean v) { tty = v; return this; }
        public Builder openStdin(boolean v) { openStdin = v; return this; }
        public Builder stdinOnce(boolean v) { stdinOnce = v; return this; }
        public Builder restartPolicy(RestartPolicy v) { restartPolicy = v; return this; }
        public Builder healthcheck(Healthcheck v) { healthcheck = v; return this; }
        public Builder exposedPorts(List<String> v) { exposedPorts.addAll(v); return this; }
        public Builder domainname(String v) { domainname = v; return this; }
        public Builder entrypoint(List<String> v) { entrypoint = List.copyOf(v); return this; }
        public Builder command(List<String> v) { command = List.copyOf(v); return this; }
        public Builder extraGids(List<Integer> v) { extraGids = List.copyOf(v); return this; }
        /** A volume the container mounts; {@code anonymous} ones are removed with it by {@code --rm}. */
        public Builder volume(String v, boolean anonymous) {
            volumes.add(v);
            if (anonymous) {
                anonymousVolumes.add(v);
            }
            return this;
        }

        public CreateOptions build() {
            return new CreateOptions(name, layerDirs, entrypoint, command, env, workingDir, uid, gid,
                    extraGids, homeDir, hostname, mounts, tmpfs, capAdd, capDrop, privileged, securityOpts,
                    readOnlyRoot, shmSize, sysctls, ulimits, init, stopSignal, stopTimeoutSeconds, log, imageId, limits,
                    volumes, anonymousVolumes, autoRemove, imageName, labels, tty, openStdin, stdinOnce, restartPolicy,
                    healthcheck, exposedPorts, domainname);
        }
    }
}
