package dev.berth.cli.engine;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import dev.berth.engine.EngineException;
import dev.berth.engine.volume.VolumeRecord;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code berth engine volume inspect NAME...}: a JSON array in {@code docker volume inspect}'s shape. */
@Command(name = "inspect", mixinStandardHelpOptions = true, description = "Show volumes as JSON.")
public final class VolumeInspectCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @ParentCommand
    VolumeCommand volume;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "NAME", description = "Volume names.")
    List<String> names;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Map<String, Object>> found = new ArrayList<>();
        int exit = 0;
        for (String name : names) {
            try {
                VolumeRecord v = volume.engine.engine().volumes().inspect(name);
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("CreatedAt", v.createdAt().toString());
                json.put("Driver", v.driver());
                json.put("Labels", v.labels());
                json.put("Mountpoint", v.mountpoint().toString());
                json.put("Name", v.name());
                json.put("Options", v.options());
                json.put("Scope", "local");
                found.add(json);
            } catch (EngineException e) {
                err.println("Error: " + e.getMessage());
                exit = 1;
            }
        }
        out.println(JSON.writeValueAsString(found));
        out.flush();
        err.flush();
        return exit;
    }
}
