package dev.berth.cli;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

import dev.berth.planner.StackException;
import dev.berth.planner.graph.ServiceGraph;
import dev.berth.planner.load.ConfigHash;
import dev.berth.planner.load.LoadResult;
import dev.berth.planner.model.Project;
import dev.berth.planner.tree.MapNode;
import dev.berth.planner.tree.Node;
import dev.berth.planner.tree.ScalarNode;

/**
 * The one-per-line lists {@code berth config} prints instead of the model: service names in
 * Docker Compose's order (each service after its dependencies, otherwise by name), resource keys,
 * image names and config hashes.
 */
final class ConfigLists {

    private final LoadResult result;
    private final MapNode services;

    ConfigLists(LoadResult result) {
        this.result = result;
        this.services = result.model().get("services") instanceof MapNode m ? m : MapNode.empty(result.model().location());
    }

    /** Service names as Compose lists them: each after the services it depends on, otherwise by name. */
    List<String> services() {
        return ServiceGraph.of(Project.from(result.model(), result.workingDir())).listingOrder();
    }

    /** The keys of a top-level section ({@code volumes}, {@code networks}), sorted. */
    List<String> keys(String section) {
        return result.model().get(section) instanceof MapNode m ? List.copyOf(new TreeSet<>(m.keys())) : List.of();
    }

    /** Each service's image, or {@code <project>-<service>} for a service that is only built, by service name. */
    List<String> images() {
        List<String> out = new ArrayList<>();
        for (String name : new TreeSet<>(services.keys())) {
            Node image = services.get(name) instanceof MapNode s ? s.get("image") : null;
            out.add(image instanceof ScalarNode sc && sc.value() != null ? sc.asText()
                    : result.projectName() + "-" + name);
        }
        return out;
    }

    /**
     * The interpolation environment as {@code KEY=VALUE}, sorted as Go's {@code sort.Strings} sorts
     * them (by UTF-8 bytes), the order of compose-go's {@code Mapping.Values}.
     */
    List<String> environment() {
        List<String> out = new ArrayList<>();
        result.environment().variables().forEach((k, v) -> out.add(k + "=" + v));
        out.sort((a, b) -> Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8),
                b.getBytes(StandardCharsets.UTF_8)));
        return out;
    }

    /**
     * {@code SERVICE HASH} for the services {@code selection} names (comma-separated, or {@code *}
     * for all), sorted by name.
     */
    List<String> hashes(String selection) {
        TreeSet<String> names = selection.equals("*") ? new TreeSet<>(services.keys())
                : new TreeSet<>(Arrays.stream(selection.split(",")).map(String::strip).toList());
        List<String> out = new ArrayList<>();
        for (String name : names) {
            if (!(services.get(name) instanceof MapNode service)) {
                throw new StackException("no such service: " + name);
            }
            out.add(name + " " + ConfigHash.of(service));
        }
        return out;
    }
}
