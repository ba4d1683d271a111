package dev.berth.cli.engine;

import dev.berth.engine.Engine;
import dev.berth.engine.runtime.Signals;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code berth engine kill [-s SIGNAL] CONTAINER...}: a signal to each container's PID 1, like {@code docker kill}. */
@Command(name = "kill", mixinStandardHelpOptions = true, description = "Send a signal to running containers.")
public final class KillCommand extends ContainerVerb {

    @Option(names = {"-s", "--signal"}, paramLabel = "SIGNAL", description = "Signal name or number (default: KILL).")
    String signal = "KILL";

    private int number;

    /** The signal is read before any container is touched: a bad one is the command's error, not each container's. */
    @Override
    public Integer call() {
        number = Signals.parse(signal);
        return super.call();
    }

    @Override
    void apply(Engine engine, String container) {
        engine.runtime().kill(container, number);
    }
}
