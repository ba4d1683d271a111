package dev.berth.cli.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.berth.engine.core.EngineException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code berth engine volume create [--label K=V] [NAME]}: prints the name, like {@code docker volume create}. */
@Command(name = "create", mixinStandardHelpOptions = true, description = "Create a volume.")
public final class VolumeCreateCommand implements Callable<Integer>, ChangesEngineState {

    @ParentCommand
    VolumeCommand volume;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--label", paramLabel = "KEY=VALUE", description = "Label. Repeatable.")
    List<String> labels = List.of();

    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "Name (default: a random ID).")
    String name;

    @Override
    public Integer call() {
        Map<String, String> map = new LinkedHashMap<>();
        for (String label : labels) {
            int eq = label.indexOf('=');
            if (eq == 0) {
                throw new EngineException("invalid label \"" + label + "\": expected KEY=VALUE");
            }
            map.put(eq < 0 ? label : label.substring(0, eq), eq < 0 ? "" : label.substring(eq + 1));
        }
        spec.commandLine().getOut().println(volume.engine.engine().createVolume(name, map, Map.of()).name());
        spec.commandLine().getOut().flush();
        return 0;
    }
}
