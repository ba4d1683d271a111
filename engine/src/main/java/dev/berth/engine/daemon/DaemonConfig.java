package dev.berth.engine.daemon;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The daemon's configuration, resolved from flags, then {@code BERTH_*} environment variables,
 * then the configuration file, then defaults.
 *
 * @param socket     the unix socket the API is served on
 * @param configFile the configuration file that was read (it may not exist)
 */
public record DaemonConfig(Path socket, Path dataRoot, Path pidFile, Path logFile, List<String> registryMirrors,
                           List<String> insecureRegistries, List<AddressPool> defaultAddressPools,
                           Map<String, String> logOpts, List<String> labels, Path configFile) {

    public static final Path DEFAULT_CONFIG_FILE = Path.of("/etc/berth/daemon.json");
    public static final String DEFAULT_HOST = "unix:///run/berth/berth.sock";
    public static final Path DEFAULT_DATA_ROOT = Path.of("/var/lib/berth");
    public static final Path DEFAULT_PID_FILE = Path.of("/run/berth/berth.pid");
    /** The log file's name under the data root, unless {@code --log-file} says otherwise. */
    public static final String LOG_FILE_NAME = "berth.log";

    public DaemonConfig {
        registryMirrors = List.copyOf(registryMirrors);
        insecureRegistries = List.copyOf(insecureRegistries);
        defaultAddressPools = List.copyOf(defaultAddressPools);
        logOpts = Map.copyOf(logOpts);
        labels = List.copyOf(labels);
    }

    /**
     * Resolves the configuration: {@code flags} over the {@code BERTH_*} variables in {@code env}
     * over the configuration file ({@code configFileFlag}, else {@code BERTH_CONFIG_FILE}, else
     * {@link #DEFAULT_CONFIG_FILE}; only a file named explicitly must exist) over the defaults.
     *
     * @throws DaemonException when the file or a variable is invalid, or the host is not a unix socket
     */
    public static DaemonConfig resolve(DaemonSettings flags, Map<String, String> env, Path configFileFlag) {
        Path configFile = configFileFlag;
        if (configFile == null && nonBlank(env.get("BERTH_CONFIG_FILE"))) {
            configFile = Path.of(env.get("BERTH_CONFIG_FILE"));
        }
        boolean required = configFile != null;
        if (configFile == null) {
            configFile = DEFAULT_CONFIG_FILE;
        }
        DaemonSettings file = DaemonJson.read(configFile, required);
        DaemonSettings merged = flags.over(fromEnvironment(env)).over(file);

        List<String> hosts = merged.hosts() == null || merged.hosts().isEmpty() ? List.of(DEFAULT_HOST) : merged.hosts();
        if (hosts.size() > 1) {
            throw new DaemonException("berth serves one socket for now, but " + hosts.size() + " hosts are configured ("
                    + String.join(", ", hosts) + "); give one --host");
        }
        Path dataRoot = merged.dataRoot() != null ? merged.dataRoot() : DEFAULT_DATA_ROOT;
        return new DaemonConfig(
                socketOf(hosts.getFirst()),
                dataRoot,
                merged.pidFile() != null ? merged.pidFile() : DEFAULT_PID_FILE,
                merged.logFile() != null ? merged.logFile() : dataRoot.resolve(LOG_FILE_NAME),
                orEmpty(merged.registryMirrors()),
                orEmpty(merged.insecureRegistries()),
                orEmpty(merged.defaultAddressPools()),
                merged.logOpts() == null ? Map.of() : merged.logOpts(),
                orEmpty(merged.labels()),
                configFile);
    }

    /**
     * The settings of the {@code BERTH_*} variables: {@code BERTH_HOST}, {@code BERTH_DATA_ROOT},
     * {@code BERTH_PIDFILE}, {@code BERTH_LOG_FILE}, and comma-separated {@code
     * BERTH_REGISTRY_MIRRORS}, {@code BERTH_INSECURE_REGISTRIES}, {@code BERTH_LABELS}.
     */
    static DaemonSettings fromEnvironment(Map<String, String> env) {
        return DaemonSettings.NONE
                .withHosts(list(env.get("BERTH_HOST")))
                .withDataRoot(absolute(env, "BERTH_DATA_ROOT"))
                .withPidFile(absolute(env, "BERTH_PIDFILE"))
                .withLogFile(absolute(env, "BERTH_LOG_FILE"))
                .withRegistryMirrors(list(env.get("BERTH_REGISTRY_MIRRORS")))
                .withInsecureRegistries(list(env.get("BERTH_INSECURE_REGISTRIES")))
                .withLabels(list(env.get("BERTH_LABELS")));
    }

    /**
     * The socket path of a {@code unix://} host.
     *
     * @throws DaemonException for any other kind of host, saying what berth accepts
     */
    public static Path socketOf(String host) {
        if (host.startsWith("unix://")) {
            String path = host.substring("unix://".length());
            if (!path.startsWith("/")) {
                throw new DaemonException("host " + host + ": the socket path must be absolute (unix:///path/to/berth.sock)");
            }
            return Path.of(path);
        }
        if (host.startsWith("tcp://")) {
            throw new DaemonException("host " + host + ": berth does not serve the API over TCP yet; only on a unix socket "
                    + "(unix:///path), whose file permissions decide who may drive the engine");
        }
        throw new DaemonException("host " + host + ": not a unix socket address (expected unix:///path/to/berth.sock)");
    }

    private static Path absolute(Map<String, String> env, String name) {
        String value = env.get(name);
        if (!nonBlank(value)) {
            return null;
        }
        Path path = Path.of(value);
        if (!path.isAbsolute()) {
            throw new DaemonException(name + "=" + value + ": must be an absolute path");
        }
        return path;
    }

    private static List<String> list(String value) {
        if (!nonBlank(value)) {
            return null;
        }
        return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static boolean nonBlank(String value) {
        return value != null && !value.isBlank();
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
