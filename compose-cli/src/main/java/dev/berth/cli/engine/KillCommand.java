package dev.berth.cli.engine;

import dev.berth.engine.Engine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code berth engine kill [-s SIGNAL] CONTAINER...}: a signal to each container's PID 1, like {@code docker kill}. */
@Command(name = "kill", mixinStandardHelpOptions = true, description = "Send a signal to running containers.")
public final class KillCommand extends ContainerVerb {

    @Option(names = {"-s", "--signal"}, paramLabel = "SIGNAL", description = "Signal name or number (default: KILL).")
    String signal = "KILL";

    /** The signal is read before any container is touched: a bad one is the command's error, not each container's. */
    @Override
    public Integer call() {
        Engine.signalNumber(signal);
        return super.call();
    }

    @Override
    void apply(Engine engine, String container) {
        engine.kill(container, signal);
    }
}
