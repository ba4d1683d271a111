package dev.berth.cli.engine;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;

import dev.berth.engine.daemon.DaemonClient;
import dev.berth.engine.daemon.DaemonConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code berth engine status}: asks the daemon's socket whether it runs, and prints its version,
 * PID, socket and data root; exit code 1 when nothing answers.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show whether the engine daemon is running, and where.")
public final class StatusCommand implements Callable<Integer> {

    static final Duration TIMEOUT = Duration.ofSeconds(10);

    @ParentCommand
    EngineCommand engine;

    @Spec
    CommandSpec spec;

    @Mixin
    DaemonFlags daemon;

    @Override
    public Integer call() {
        DaemonConfig config = daemon.resolve(daemon.settings(engine), spec);
        PrintWriter out = spec.commandLine().getOut();
        JsonNode version;
        try {
            DaemonClient.Answer answer = DaemonClient.get(config.socket(), "/version", TIMEOUT);
            if (answer.status() != 200) {
                out.println("berth engine is not running: unix://" + config.socket() + " answered /version with status "
                        + answer.status() + ": " + answer.body().strip());
                return 1;
            }
            version = answer.json();
        } catch (IOException e) {
            out.println("berth engine is not running: " + e.getMessage()
                    + " (start it with: berth engine serve, or systemctl start berth)");
            return 1;
        }
        JsonNode berth = component(version, "berth");
        out.println("berth engine is running");
        out.println("  Version:    " + berth.path("Version").asText("?") + " (engine " + version.path("Version").asText()
                + ", Docker Engine API " + version.path("ApiVersion").asText() + ")");
        out.println("  PID:        " + berth.path("Details").path("Pid").asText("?"));
        out.println("  Socket:     unix://" + config.socket());
        out.println("  Data root:  " + berth.path("Details").path("DataRoot").asText("?"));
        return 0;
    }

    private static JsonNode component(JsonNode version, String name) {
        for (JsonNode component : version.path("Components")) {
            if (name.equals(component.path("Name").asText())) {
                return component;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }
}
