package dev.berth.engine.daemon;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The daemon settings one source gives (flags, {@code BERTH_*} variables or daemon.json); a
 * null field is a setting that source leaves to the next one.
 */
public record DaemonSettings(List<String> hosts, Path dataRoot, Path pidFile, Path logFile,
                             List<String> registryMirrors, List<String> insecureRegistries,
                             List<AddressPool> defaultAddressPools, Map<String, String> logOpts,
                             List<String> labels) {

    public static final DaemonSettings NONE = new DaemonSettings(null, null, null, null, null, null, null, null, null);

    /** These settings, with every setting this source leaves open taken from {@code fallback}. */
    public DaemonSettings over(DaemonSettings fallback) {
        return new DaemonSettings(
                hosts != null ? hosts : fallback.hosts,
                dataRoot != null ? dataRoot : fallback.dataRoot,
                pidFile != null ? pidFile : fallback.pidFile,
                logFile != null ? logFile : fallback.logFile,
                registryMirrors != null ? registryMirrors : fallback.registryMirrors,
                insecureRegistries != null ? insecureRegistries : fallback.insecureRegistries,
                defaultAddressPools != null ? defaultAddressPools : fallback.defaultAddressPools,
                logOpts != null ? logOpts : fallback.logOpts,
                labels != null ? labels : fallback.labels);
    }

    public DaemonSettings withHosts(List<String> value) {
        return new DaemonSettings(value, dataRoot, pidFile, logFile, registryMirrors, insecureRegistries,
                defaultAddressPools, logOpts, labels);
    }

    public DaemonSettings withDataRoot(Path value) {
        return new DaemonSettings(hosts, value, pidFile, logFile, registryMirrors, insecureRegistries,
                defaultAddressPools, logOpts, labels);
    }

    public DaemonSettings withPidFile(Path value) {
        return new DaemonSettings(hosts, dataRoot, value, logFile, registryMirrors, insecureRegistries,
                defaultAddressPools, logOpts, labels);
    }

    public DaemonSettings withLogFile(Path value) {
        return new DaemonSettings(hosts, dataRoot, pidFile, value, registryMirrors, insecureRegistries,
                defaultAddressPools, logOpts, labels);
    }

    public DaemonSettings withRegistryMirrors(List<String> value) {
        return new DaemonSettings(hosts, dataRoot, pidFile, logFile, value, insecureRegistries,
                defaultAddressPools, logOpts, labels);
    }

    public DaemonSettings withInsecureRegistries(List<String> value) {
        return new DaemonSettings(hosts, dataRoot, pidFile, logFile, registryMirrors, value,
                defaultAddressPools, logOpts, labels);
    }

    public DaemonSettings withLabels(List<String> value) {
        return new DaemonSettings(hosts, dataRoot, pidFile, logFile, registryMirrors, insecureRegistries,
                defaultAddressPools, logOpts, value);
    }
}
