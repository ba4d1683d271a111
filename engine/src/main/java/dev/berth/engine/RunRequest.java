package dev.berth.engine;

import dev.berth.engine.core.Healthcheck;
import dev.berth.engine.core.RestartPolicy;
import dev.berth.engine.runtime.ContainerLimits;
import dev.berth.engine.runtime.launch.LogOptions;
import dev.berth.engine.runtime.launch.Rlimit;
import dev.berth.engine.volume.MountFlags;
import dev.berth.engine.volume.MountSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A container as {@code docker run} asks for it: an image name and what overrides the image's
 * config. {@link ContainerCreator} applies the image's defaults and resolves names.
 *
 * @param image        image name or ID in the engine's store
 * @param entrypoint   replaces the image's Entrypoint (and drops its Cmd); null keeps the image's
 * @param command      replaces the image's Cmd; empty keeps it
 * @param env          {@code NAME=value} (or {@code NAME} for an empty value) on top of the image's Env
 * @param user         {@code name|uid[:group|gid]}; null keeps the image's User
 * @param workingDir   null keeps the image's WorkingDir
 * @param mounts       {@code -v} and {@code --tmpfs}, in the order given
 * @param stopSignal   name or number; null keeps the image's StopSignal (else SIGTERM)
 * @param stopTimeout  seconds; null for 10
 * @param autoRemove   {@code --rm}: removed with its anonymous volumes once it has ended (see
 *                     {@link dev.berth.engine.runtime.CreateOptions#autoRemove()})
 * @param labels       the container's labels, over the image's
 * @param tty          a terminal for its processes ({@code -t}, {@code Config.Tty})
 * @param openStdin    its stdin stays open for attaching clients ({@code -i}, {@code Config.OpenStdin})
 * @param stdinOnce    stdin closes when the first attached client detaches ({@code Config.StdinOnce})
 * @param restartPolicy when it is started again after it ended; never null
 * @param healthcheck  over the image's healthcheck; null keeps the image's
 * @param exposedPorts ports such as {@code 80/tcp}, over the image's
 * @param domainname   the NIS domain name inside the container; null for none
 */
public record RunRequest(String image, String name, String hostname, List<String> entrypoint,
                         List<String> command, List<String> env, String user, String workingDir,
                         List<MountSpec> mounts, ContainerLimits limits, List<String> capAdd, List<String> capDrop,
                         boolean privileged, List<String> securityOpts, boolean readOnly, boolean init,
                         List<Rlimit> ulimits, Map<String, String> sysctls, String stopSignal,
                         Integer stopTimeout, LogOptions log, boolean autoRemove, Map<String, String> labels,
                         boolean tty, boolean openStdin, boolean stdinOnce, RestartPolicy restartPolicy,
                         Healthcheck healthcheck, List<String> exposedPorts, String domainname) {

    public RunRequest {
        entrypoint = entrypoint == null ? null : List.copyOf(entrypoint);
        command = List.copyOf(command);
        env = List.copyOf(env);
        mounts = List.copyOf(mounts);
        capAdd = List.copyOf(capAdd);
        capDrop = List.copyOf(capDrop);
        securityOpts = List.copyOf(securityOpts);
        ulimits = List.copyOf(ulimits);
        sysctls = Map.copyOf(sysctls);
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        restartPolicy = restartPolicy == null ? RestartPolicy.NO : restartPolicy;
        exposedPorts = exposedPorts == null ? List.of() : List.copyOf(exposedPorts);
    }

    /** This request with {@code --rm} set or not. */
    public RunRequest withAutoRemove(boolean v) {
        return new RunRequest(image, name, hostname, entrypoint, command, env, user, workingDir, mounts, limits,
                capAdd, capDrop, privileged, securityOpts, readOnly, init, ulimits, sysctls, stopSignal, stopTimeout,
                log, v, labels, tty, openStdin, stdinOnce, restartPolicy, healthcheck, exposedPorts, domainname);
    }

    public static Builder builder(String image) {
        return new Builder(image);
    }

    /** Builds a {@link RunRequest}; unset fields are what {@code docker run IMAGE} gives. */
    public static final class Builder {
        private final String image;
        private String name;
        private String hostname;
        private List<String> entrypoint;
        private List<String> command = List.of();
        private final List<String> env = new ArrayList<>();
        private String user;
        private String workingDir;
        private final List<MountSpec> mounts = new ArrayList<>();
        private ContainerLimits limits = ContainerLimits.NONE;
        private final List<String> capAdd = new ArrayList<>();
        private final List<String> capDrop = new ArrayList<>();
        private boolean privileged;
        private final List<String> securityOpts = new ArrayList<>();
        private boolean readOnly;
        private boolean init;
        private final List<Rlimit> ulimits = new ArrayList<>();
        private final Map<String, String> sysctls = new LinkedHashMap<>();
        private String stopSignal;
        private Integer stopTimeout;
        private LogOptions log = LogOptions.UNLIMITED;
        private boolean autoRemove;
        private final Map<String, String> labels = new LinkedHashMap<>();
        private boolean tty;
        private boolean openStdin;
        private boolean stdinOnce;
        private RestartPolicy restartPolicy = RestartPolicy.NO;
        private Healthcheck healthcheck;
        private final List<String> exposedPorts = new ArrayList<>();
        private String domainname;

        private Builder(String image) {
            this.image = image;
        }

        public Builder name(String v) { name = v; return this; }
        public Builder hostname(String v) { hostname = v; return this; }
        public Builder entrypoint(List<String> v) { entrypoint = v; return this; }
        public Builder command(List<String> v) { command = List.copyOf(v); return this; }
        public Builder command(String... v) { command = List.of(v); return this; }
        public Builder env(String v) { env.add(v); return this; }
        public Builder user(String v) { user = v; return this; }
        public Builder workingDir(String v) { workingDir = v; return this; }
        public Builder mount(MountSpec v) { mounts.add(v); return this; }
        public Builder limits(ContainerLimits v) { limits = v; return this; }
        public Builder capAdd(String v) { capAdd.add(v); return this; }
        public Builder capDrop(String v) { capDrop.add(v); return this; }
        public Builder privileged(boolean v) { privileged = v; return this; }
        public Builder securityOpt(String v) { securityOpts.add(v); return this; }
        public Builder readOnly(boolean v) { readOnly = v; return this; }
        public Builder init(boolean v) { init = v; return this; }
        public Builder ulimit(Rlimit v) { ulimits.add(v); return this; }
        public Builder sysctl(String k, String v) { sysctls.put(k, v); return this; }
        public Builder stopSignal(String v) { stopSignal = v; return this; }
        public Builder stopTimeout(Integer v) { stopTimeout = v; return this; }
        public Builder log(LogOptions v) { log = v; return this; }
        public Builder autoRemove(boolean v) { autoRemove = v; return this; }
        public Builder label(String k, String v) { labels.put(k, v); return this; }
        public Builder labels(Map<String, String> v) { labels.putAll(v); return this; }
        public Builder tty(boolean v) { tty = v; return this; }
        public Builder openStdin(boolean v) { openStdin = v; return this; }
        public Builder stdinOnce(boolean v) { stdinOnce = v; return this; }
        public Builder restartPolicy(RestartPolicy v) { restartPolicy = v; return this; }
        public Builder healthcheck(Healthcheck v) { healthcheck = v; return this; }
        public Builder exposedPort(String v) { exposedPorts.add(v); return this; }
        public Builder domainname(String v) { domainname = v; return this; }

        /** A mount as {@code docker run -v} takes it: {@code [SRC:]DST[:OPTIONS]}, a bind or a volume. */
        public Builder volume(String spec) { return mount(MountFlags.parseVolume(spec)); }

        /**
         * A bind mount as {@code --mount type=bind} gives it: the host path must exist (it is not
         * created, unlike {@code -v}).
         */
        public Builder bindMount(String source, String target, boolean readOnly) {
            return mount(new MountSpec.Bind(java.nio.file.Path.of(source), target, readOnly, false));
        }

        /** A volume as {@code --mount type=volume} gives it; an empty name for an anonymous one. */
        public Builder volumeMount(String name, String target, boolean readOnly, boolean noCopy) {
            return mount(new MountSpec.Volume(name == null ? "" : name, target, readOnly, noCopy));
        }

        /** A tmpfs as {@code --mount type=tmpfs} gives it: size in bytes (0: the kernel's default), mode (0: 1777). */
        public Builder tmpfsMount(String target, long sizeBytes, int mode, boolean readOnly) {
            return mount(new MountSpec.Tmpfs(target, sizeBytes, mode == 0 ? MountSpec.Tmpfs.DEFAULT_MODE : mode, readOnly));
        }

        /** A tmpfs as {@code docker run --tmpfs} takes it: {@code DST[:OPTIONS]}. */
        public Builder tmpfs(String spec) { return mount(MountFlags.parseTmpfs(spec)); }

        /** cgroup limits: bytes (swap -1 for unlimited), billionths of a CPU, a PID count; 0 for none. */
        public Builder limits(long memory, long memorySwap, long nanoCpus, long pidsLimit) {
            return limits(new ContainerLimits(memory, memorySwap, nanoCpus, pidsLimit));
        }

        /** An rlimit as {@code docker run --ulimit} takes it: {@code NAME=SOFT[:HARD]}. */
        public Builder ulimit(String spec) { return ulimit(Rlimit.parse(spec)); }

        /** The json-file log's options ({@code max-size}, {@code max-file}), as {@code --log-opt} gives them. */
        public Builder logOptions(Map<String, String> options) { return log(LogOptions.parse(options)); }

        public RunRequest build() {
            return new RunRequest(image, name, hostname, entrypoint, command, env, user, workingDir, mounts, limits,
                    capAdd, capDrop, privileged, securityOpts, readOnly, init, ulimits, sysctls, stopSignal,
                    stopTimeout, log, autoRemove, labels, tty, openStdin, stdinOnce, restartPolicy, healthcheck,
                    exposedPorts, domainname);
        }
    }
}
