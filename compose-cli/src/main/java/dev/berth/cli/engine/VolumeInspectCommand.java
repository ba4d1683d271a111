package dev.berth.cli.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.berth.engine.VolumeView;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code berth engine volume inspect NAME...}: a JSON array in {@code docker volume inspect}'s shape. */
@Command(name = "inspect", mixinStandardHelpOptions = true, description = "Show volumes as JSON.")
public final class VolumeInspectCommand implements Callable<Integer> {

    @ParentCommand
    VolumeCommand volume;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "NAME", description = "Volume names.")
    List<String> names;

    @Override
    public Integer call() throws Exception {
        return InspectEach.print(names, spec, "Error: ", name -> {
            VolumeView v = volume.engine.engine().inspectVolume(name);
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("CreatedAt", v.createdAt().toString());
            json.put("Driver", v.driver());
            json.put("Labels", v.labels());
            json.put("Mountpoint", v.mountpoint());
            json.put("Name", v.name());
            json.put("Options", v.options());
            json.put("Scope", "local");
            return json;
        });
    }
}
