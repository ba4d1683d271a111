package dev.berth.cli.engine;

import java.nio.file.Path;

import dev.berth.engine.Engine;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code berth engine}: low-level commands that drive berth's own engine directly, like
 * {@code ctr} beside containerd. Until the daemon exists they run the engine in-process on the
 * data root.
 */
@Command(name = "engine", mixinStandardHelpOptions = true,
        description = "Low-level commands of berth's own container engine.",
        subcommands = {
                ImageCommand.class,
                RunCommand.class,
                PsCommand.class,
                LogsCommand.class,
                StopCommand.class,
                KillCommand.class,
                RmCommand.class,
                ExecCommand.class,
                PauseCommand.class,
                UnpauseCommand.class,
                InspectCommand.class,
                VolumeCommand.class,
                ServeCommand.class,
                StatusCommand.class,
                ShutdownCommand.class,
        })
public final class EngineCommand implements Runnable {

    static final Path DEFAULT_DATA_ROOT = Path.of("/var/lib/berth");

    @Option(names = "--data-root", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "Engine state folder (default: $BERTH_DATA_ROOT or /var/lib/berth).")
    Path dataRoot;

    @Option(names = "--cgroup-parent", scope = ScopeType.INHERIT, paramLabel = "NAME",
            description = "Parent cgroup of the containers' cgroups (default: berth).")
    String cgroupParent = Engine.DEFAULT_CGROUP_PARENT;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private Engine engine;

    /** The engine on the data root, in this process (made on first use). */
    public Engine engine() {
        if (engine == null) {
            engine = Engine.open(dataRoot(), cgroupParent);
        }
        return engine;
    }

    /** The data root: {@code --data-root}, else {@code BERTH_DATA_ROOT}, else {@code /var/lib/berth}. */
    public Path dataRoot() {
        if (dataRoot != null) {
            return dataRoot.toAbsolutePath();
        }
        String env = System.getenv("BERTH_DATA_ROOT");
        return env == null || env.isBlank() ? DEFAULT_DATA_ROOT : Path.of(env).toAbsolutePath();
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
