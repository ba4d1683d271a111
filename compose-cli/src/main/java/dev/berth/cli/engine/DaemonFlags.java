package dev.berth.cli.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.berth.cli.BerthCommand;
import dev.berth.engine.daemon.DaemonConfig;
import dev.berth.engine.daemon.DaemonSettings;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** The flags that locate a daemon, shared by {@code serve}, {@code status} and {@code shutdown}. */
final class DaemonFlags {

    @Option(names = {"-H", "--host"}, paramLabel = "unix:///PATH",
            description = "The daemon's socket (default: $BERTH_HOST, the file's \"hosts\", else "
                    + DaemonConfig.DEFAULT_HOST + ").")
    String host;

    @Option(names = "--config-file", paramLabel = "FILE",
            description = "The daemon's configuration file (default: $BERTH_CONFIG_FILE, else /etc/berth/daemon.json).")
    Path configFile;

    @Option(names = "--pidfile", paramLabel = "FILE",
            description = "The daemon's PID file (default: $BERTH_PIDFILE, the file's \"pidfile\", else /run/berth/berth.pid).")
    Path pidFile;

    /** The settings these flags (and {@code --data-root} of {@code berth engine}) give. */
    DaemonSettings settings(EngineCommand engine) {
        DaemonSettings flags = DaemonSettings.NONE;
        if (host != null) {
            flags = flags.withHosts(List.of(host));
        }
        if (engine.dataRoot != null) {
            flags = flags.withDataRoot(engine.dataRoot.toAbsolutePath());
        }
        if (pidFile != null) {
            flags = flags.withPidFile(pidFile.toAbsolutePath());
        }
        return flags;
    }

    /** The daemon's configuration from {@code flags} over the environment of this run over the configuration file. */
    DaemonConfig resolve(DaemonSettings flags, CommandSpec spec) {
        return DaemonConfig.resolve(flags, environment(spec), configFile == null ? null : configFile.toAbsolutePath());
    }

    private static Map<String, String> environment(CommandSpec spec) {
        Object root = spec.root().userObject();
        return root instanceof BerthCommand berth ? berth.process().environment() : System.getenv();
    }
}
