package dev.berth.cli.clients;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.engine.api.HostFacts;
import dev.berth.engine.api.RouteGroup;
import dev.berth.engine.api.Router;
import dev.berth.engine.api.ServerIdentity;
import dev.berth.engine.api.SystemRoutes;
import dev.berth.engine.daemon.DaemonConfig;
import dev.berth.engine.daemon.EngineBinding;
import dev.berth.engine.daemon.EngineRoutes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code schemas/engine-api.yaml} describes exactly the routes and methods the daemon serves. */
class DescribedRoutesIT {

    @TempDir
    Path folder;

    @Test
    void theDescription_listsEveryServedRouteAndMethod_andNoOther() throws Exception {
        Path dataRoot = Files.createDirectories(folder.resolve("root"));
        DaemonConfig config = new DaemonConfig(folder.resolve("s.sock"), dataRoot, folder.resolve("pid"),
                folder.resolve("log"), List.of(), List.of(), List.of(), Map.of(), List.of(), folder.resolve("d.json"));
        Set<String> served = new TreeSet<>();
        try (EngineBinding binding = EngineRoutes.opener("berth-it-described").open(config)) {
            ServerIdentity identity = new ServerIdentity("id", "test", 1, dataRoot, List.of(), List.of(), List.of(),
                    binding::counts);
            Router router = new Router().add(new SystemRoutes(identity, HostFacts.current()));
            for (RouteGroup group : binding.routes()) {
                router.add(group);
            }
            for (Router.Route route : router.routes()) {
                served.add(route.method().toLowerCase() + " " + route.pattern().replaceAll("\\{(\\w+)\\*?}", "{}"));
            }
        }
        EngineApiSchema schema = EngineApiSchema.load();
        Set<String> described = new TreeSet<>();
        for (String template : schema.templates()) {
            for (String method : schema.methods(template)) {
                described.add(method + " " + template.replaceAll("\\{(\\w+)}", "{}"));
            }
        }
        assertThat(described).as("routes in %s", EngineApiSchema.FILE).isEqualTo(served);
    }
}
