package dev.berth.planner.load.canonical;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.berth.planner.tree.MapNode;

/**
 * Finds a {@code depends_on} cycle in the services of a model, searching in the order services and
 * dependencies were written, and reports it as Compose does: {@code dependency cycle detected: a -> b -> a},
 * located at the dependency that closes it.
 */
final class CycleFinder {

    private final MapNode services;
    private final Set<String> done = new HashSet<>();

    CycleFinder(MapNode services) {
        this.services = services;
    }

    void check() {
        for (String name : services.keys()) {
            visit(name, new ArrayList<>());
        }
    }

    private void visit(String name, List<String> path) {
        if (done.contains(name) || !services.has(name)) {
            return;
        }
        int at = path.indexOf(name);
        if (at >= 0) {
            List<String> cycle = new ArrayList<>(path.subList(at, path.size()));
            cycle.add(name);
            String closer = path.getLast();
            MapNode deps = ConsistencyChecker.map(ConsistencyChecker.map(services.get(closer)).get("depends_on"));
            ConsistencyChecker.fail(deps.keyLocation(name), "dependency cycle detected: " + String.join(" -> ", cycle));
        }
        path.add(name);
        for (String dep : ConsistencyChecker.map(ConsistencyChecker.map(services.get(name)).get("depends_on")).keys()) {
            visit(dep, path);
        }
        path.removeLast();
        done.add(name);
    }
}
