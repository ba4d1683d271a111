package dev.berth.cli.engine;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import dev.berth.engine.daemon.DaemonConfig;
import dev.berth.engine.daemon.DaemonException;
import dev.berth.engine.daemon.DaemonProcesses;
import dev.berth.engine.daemon.PidFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code berth engine shutdown}: stops the engine daemon named by its PID file (SIGTERM, after
 * checking the process really is a berth daemon) and waits until it is gone. Containers keep
 * running. ({@code berth engine stop} stops containers, as {@code docker stop} does.)
 */
@Command(name = "shutdown", mixinStandardHelpOptions = true,
        description = "Stop the engine daemon (containers keep running).")
public final class ShutdownCommand implements Callable<Integer>, ChangesEngineState {

    @ParentCommand
    EngineCommand engine;

    @Spec
    CommandSpec spec;

    @Mixin
    DaemonFlags daemon;

    @Option(names = {"-t", "--timeout"}, paramLabel = "SECONDS", description = "How long to wait for the daemon to stop (default: 30).")
    int timeoutSeconds = 30;

    @Override
    public Integer call() throws InterruptedException {
        DaemonConfig config = daemon.resolve(daemon.settings(engine), spec);
        PrintWriter out = spec.commandLine().getOut();
        OptionalLong pid = PidFile.read(config.pidFile());
        Optional<ProcessHandle> process = pid.isPresent() ? ProcessHandle.of(pid.getAsLong()) : Optional.empty();
        if (process.isEmpty() || !process.get().isAlive()) {
            out.println("berth engine is not running (no running process named by " + config.pidFile() + ")");
            return 0;
        }
        if (!DaemonProcesses.isBerthDaemon(pid.getAsLong())) {
            List<String> command = DaemonProcesses.commandLine(pid.getAsLong());
            throw new DaemonException("the PID file " + config.pidFile() + " names process " + pid.getAsLong()
                    + ", which is not a berth daemon (" + String.join(" ", command) + "): nothing was stopped; "
                    + "remove the stale PID file if no berth daemon runs");
        }
        process.get().destroy();
        try {
            process.get().onExit().get(timeoutSeconds, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new DaemonException("the berth daemon (PID " + pid.getAsLong() + ") did not stop within "
                    + timeoutSeconds + "s of SIGTERM; it is still running (see its log file)");
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("waiting for PID " + pid.getAsLong() + " failed", e);
        }
        out.println("berth engine stopped (PID " + pid.getAsLong() + ")");
        return 0;
    }
}
