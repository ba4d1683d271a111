package dev.berth.cli.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import dev.berth.cli.BerthVersion;
import dev.berth.engine.daemon.Daemon;
import dev.berth.engine.daemon.DaemonConfig;
import dev.berth.engine.daemon.DaemonSettings;
import dev.berth.engine.daemon.EngineRoutes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code berth engine serve}: runs the engine daemon in the foreground until SIGTERM or SIGINT,
 * serving the Docker Engine API on a unix socket. Settings come from flags, then {@code BERTH_*}
 * variables, then the configuration file (Docker's daemon.json key names).
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the engine daemon: serve the Docker Engine API on a unix socket.")
public final class ServeCommand implements Callable<Integer>, ChangesEngineState {

    @ParentCommand
    EngineCommand engine;

    @Spec
    CommandSpec spec;

    @Mixin
    DaemonFlags daemon;

    @Option(names = "--log-file", paramLabel = "FILE",
            description = "The daemon's log file (default: $BERTH_LOG_FILE, the file's \"log-file\", else DATA_ROOT/berth.log).")
    Path logFile;

    @Option(names = "--registry-mirror", paramLabel = "URL", description = "A registry mirror; repeatable.")
    List<String> registryMirrors;

    @Option(names = "--insecure-registry", paramLabel = "HOST[:PORT]|CIDR",
            description = "A registry reached over plain HTTP or unverified TLS; repeatable.")
    List<String> insecureRegistries;

    @Option(names = "--label", paramLabel = "KEY=VALUE", description = "A label of this engine (shown by docker info); repeatable.")
    List<String> labels;

    @Override
    public Integer call() throws InterruptedException {
        DaemonSettings flags = daemon.settings(engine);
        if (logFile != null) {
            flags = flags.withLogFile(logFile.toAbsolutePath());
        }
        if (registryMirrors != null) {
            flags = flags.withRegistryMirrors(registryMirrors);
        }
        if (insecureRegistries != null) {
            flags = flags.withInsecureRegistries(insecureRegistries);
        }
        if (labels != null) {
            flags = flags.withLabels(labels);
        }
        DaemonConfig config = daemon.resolve(flags, spec);
        Daemon running = Daemon.start(config, BerthVersion.version(), EngineRoutes.opener(engine.cgroupParent));
        java.lang.Runtime.getRuntime().addShutdownHook(new Thread(running::close, "berth-daemon-shutdown"));
        spec.commandLine().getErr().println("berth daemon (PID " + ProcessHandle.current().pid() + ") serving on unix://"
                + config.socket() + "; data root " + config.dataRoot() + ", log " + running.logFile());
        spec.commandLine().getErr().flush();
        running.awaitStopped();
        return 0;
    }
}
