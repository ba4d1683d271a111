package dev.berth.cli.engine;

import dev.berth.engine.core.ByteSize;
import dev.berth.engine.core.EngineException;
import dev.berth.engine.RunRequest;
import dev.berth.engine.core.NanoCpus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** The container flags of {@code berth engine run}, Docker's names and meanings, turned into a {@link RunRequest}. */
final class RunFlags {

    @Option(names = "--name", paramLabel = "NAME", description = "Container name (default: first 12 characters of the ID).")
    String name;

    @Option(names = "--hostname", paramLabel = "NAME", description = "Hostname (default: first 12 characters of the ID).")
    String hostname;

    @Option(names = {"-e", "--env"}, paramLabel = "NAME[=VALUE]",
            description = "Environment variable; NAME alone takes this shell's value. Repeatable.")
    List<String> env = new ArrayList<>();

    @Option(names = {"-v", "--volume"}, paramLabel = "[SRC:]DST[:ro]",
            description = "Bind mount (absolute SRC, created when missing), named volume (SRC a name) or"
                    + " anonymous volume (DST only). Repeatable.")
    List<String> volumes = new ArrayList<>();

    @Option(names = "--tmpfs", paramLabel = "DST[:OPTS]", description = "tmpfs mount, OPTS size=, mode=, ro. Repeatable.")
    List<String> tmpfs = new ArrayList<>();

    @Option(names = {"-m", "--memory"}, paramLabel = "SIZE", description = "Memory limit (256m, 1g).")
    String memory;

    @Option(names = "--memory-swap", paramLabel = "SIZE", description = "Memory + swap limit; -1 unlimited (default: twice --memory).")
    String memorySwap;

    @Option(names = "--cpus", paramLabel = "N", description = "CPU limit (0.5).")
    String cpus;

    @Option(names = "--pids-limit", paramLabel = "N", description = "Process limit (0 or -1: unlimited).")
    long pidsLimit;

    @Option(names = "--cap-add", paramLabel = "CAP", description = "Add a capability (NET_ADMIN, ALL). Repeatable.")
    List<String> capAdd = new ArrayList<>();

    @Option(names = "--cap-drop", paramLabel = "CAP", description = "Drop a capability (MKNOD, ALL). Repeatable.")
    List<String> capDrop = new ArrayList<>();

    @Option(names = "--privileged", description = "All capabilities, no masked paths, no seccomp.")
    boolean privileged;

    @Option(names = "--security-opt", paramLabel = "OPT",
            description = "seccomp=unconfined or no-new-privileges. Repeatable.")
    List<String> securityOpts = new ArrayList<>();

    @Option(names = {"-u", "--user"}, paramLabel = "USER[:GROUP]", description = "User name or UID, group name or GID.")
    String user;

    @Option(names = {"-w", "--workdir"}, paramLabel = "DIR", description = "Working directory inside the container.")
    String workdir;

    @Option(names = "--entrypoint", paramLabel = "CMD", description = "Replace the image's entrypoint.")
    String entrypoint;

    @Option(names = "--init", description = "Run an init as PID 1 that reaps zombies and forwards signals.")
    boolean init;

    @Option(names = "--read-only", description = "Mount the root filesystem read-only.")
    boolean readOnly;

    @Option(names = "--ulimit", paramLabel = "NAME=SOFT[:HARD]", description = "Resource limit (nofile=1024:2048). Repeatable.")
    List<String> ulimits = new ArrayList<>();

    @Option(names = "--stop-signal", paramLabel = "SIGNAL", description = "Signal to stop the container (default: the image's, else SIGTERM).")
    String stopSignal;

    @Option(names = "--stop-timeout", paramLabel = "SECONDS", description = "Grace period before SIGKILL (default: 10).")
    Integer stopTimeout;

    @Option(names = "--log-opt", paramLabel = "KEY=VALUE", description = "max-size=SIZE or max-file=N. Repeatable.")
    List<String> logOpts = new ArrayList<>();

    /**
     * The request for {@code image} and {@code command}.
     *
     * @throws EngineException naming the flag whose value is not understood
     */
    RunRequest toRequest(String image, List<String> command) {
        RunRequest.Builder b = RunRequest.builder(image).name(name).hostname(hostname).user(user)
                .workingDir(workdir).privileged(privileged).readOnly(readOnly).init(init)
                .stopSignal(stopSignal).stopTimeout(stopTimeout).command(command)
                .logOptions(logOptions());
        limits(b);
        if (entrypoint != null) {
            b.entrypoint(entrypoint.isEmpty() ? List.of() : List.of(entrypoint));
        }
        for (String e : env) {
            // An entry without a name ("=x", "") goes to the engine, which refuses it as Docker does.
            if (e.contains("=") || e.isEmpty()) {
                b.env(e);
            } else if (System.getenv(e) != null) {
                b.env(e + "=" + System.getenv(e));
            }
        }
        volumes.forEach(b::volume);
        tmpfs.forEach(b::tmpfs);
        capAdd.forEach(b::capAdd);
        capDrop.forEach(b::capDrop);
        securityOpts.forEach(b::securityOpt);
        ulimits.forEach(b::ulimit);
        return b.build();
    }

    private void limits(RunRequest.Builder b) {
        long mem = size("--memory", memory);
        long swap = memorySwap == null ? 0 : memorySwap.strip().equals("-1") ? -1 : size("--memory-swap", memorySwap);
        long nanoCpus = 0;
        if (cpus != null) {
            try {
                nanoCpus = NanoCpus.parse(cpus);
            } catch (IllegalArgumentException e) {
                throw new EngineException("invalid argument \"" + cpus + "\" for \"--cpus\" flag: " + e.getMessage(), e);
            }
        }
        b.limits(mem, swap, nanoCpus, pidsLimit);
    }

    private static long size(String flag, String text) {
        if (text == null) {
            return 0;
        }
        try {
            return ByteSize.parse(text);
        } catch (IllegalArgumentException e) {
            throw new EngineException("invalid argument \"" + text + "\" for \"" + flag + "\" flag: " + e.getMessage(), e);
        }
    }

    private Map<String, String> logOptions() {
        Map<String, String> options = new LinkedHashMap<>();
        for (String opt : logOpts) {
            int eq = opt.indexOf('=');
            if (eq <= 0) {
                throw new EngineException("invalid argument \"" + opt + "\" for \"--log-opt\" flag: expected KEY=VALUE");
            }
            String key = opt.substring(0, eq);
            if (!key.equals("max-size") && !key.equals("max-file")) {
                throw new EngineException("unknown log opt '" + key + "' for json-file log driver");
            }
            options.put(key, opt.substring(eq + 1));
        }
        return options;
    }
}
