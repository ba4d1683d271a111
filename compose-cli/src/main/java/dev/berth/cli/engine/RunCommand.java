package dev.berth.cli.engine;

import dev.berth.engine.Engine;
import dev.berth.engine.core.EngineException;
import dev.berth.engine.StartFailedException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import sun.misc.Signal;

/**
 * {@code berth engine run}, like {@code docker run}: creates and starts a container. Attached (the
 * default) it prints the container's stdout and stderr as they come, stops the container on
 * Ctrl-C or SIGTERM, and exits with the container's exit code; {@code -d} prints the ID instead.
 *
 * <p>Exit codes before the command runs are Docker's: 125 when the engine refuses (no such image,
 * no command, bad flag value), 126 when the command cannot be invoked, 127 when it is not found.
 */
@Command(name = "run", mixinStandardHelpOptions = true, modelTransformer = StopAtCommand.class,
        description = "Run a command in a new container.")
public final class RunCommand implements Callable<Integer>, ChangesEngineState {

    static final int ENGINE_ERROR = 125;

    @ParentCommand
    EngineCommand engine;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    RunFlags flags;

    @Option(names = "--rm", description = "Remove the container and its anonymous volumes when it exits.")
    boolean remove;

    @Option(names = {"-d", "--detach"}, description = "Run in the background and print the container ID.")
    boolean detach;

    @Parameters(index = "0", paramLabel = "IMAGE", description = "Image name or ID.")
    String image;

    @Parameters(index = "1..*", paramLabel = "COMMAND", description = "Command and arguments (default: the image's).")
    List<String> command = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (remove && detach) {
            err.println("berth: --rm with --detach needs the engine daemon, which does not exist yet:"
                    + " run attached, or remove the container later with berth engine rm");
            err.flush();
            return ENGINE_ERROR;
        }
        Engine e;
        String id;
        try {
            e = engine.engine();
            id = e.create(flags.toRequest(image, command).withAutoRemove(remove));
        } catch (EngineException ex) {
            return refused(err, ex);
        }
        try {
            e.start(id);
        } catch (EngineException ex) {
            if (remove) {
                e.remove(id, true, true);
            }
            int refused = refused(err, ex);
            // the command could not be invoked (126) or was not found (127): Docker's codes for those
            if (ex instanceof StartFailedException launch && (launch.exitCode() == 126 || launch.exitCode() == 127)) {
                return launch.exitCode();
            }
            return refused;
        }
        if (detach) {
            out.println(id);
            out.flush();
            return 0;
        }
        return attached(e, id, out, err);
    }

    private int attached(Engine e, String id, PrintWriter out, PrintWriter err) {
        List<Signal> handled = List.of(new Signal("INT"), new Signal("TERM"));
        List<sun.misc.SignalHandler> previous = new ArrayList<>();
        for (Signal s : handled) {
            previous.add(Signal.handle(s, sig -> Thread.startVirtualThread(() -> e.stop(id, null))));
        }
        try {
            LogPrinter printer = new LogPrinter(out, err);
            printer.finish(e.logs(id, true, printer));
            int code = e.waitFor(id);
            if (remove) {
                e.remove(id, true, true);
            }
            return code;
        } finally {
            for (int i = 0; i < handled.size(); i++) {
                Signal.handle(handled.get(i), previous.get(i));
            }
        }
    }

    /** Prints {@code ex} as the engine's refusal ({@code berth: MESSAGE}) and returns {@link #ENGINE_ERROR}. */
    static int refused(PrintWriter err, EngineException ex) {
        err.println("berth: " + ex.getMessage());
        err.flush();
        return ENGINE_ERROR;
    }
}
