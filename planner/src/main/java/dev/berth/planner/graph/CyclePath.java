package dev.berth.planner.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;

/** Finds one dependency cycle and its path, searching services and their dependencies in name order. */
final class CyclePath {

    private final Map<String, SortedSet<String>> dependencies;
    private final Set<String> done = new HashSet<>();

    private CyclePath(Map<String, SortedSet<String>> dependencies) {
        this.dependencies = dependencies;
    }

    /** The first cycle found, as {@code [a, b, a]}, or empty. {@code dependencies} must iterate in name order. */
    static Optional<List<String>> find(Map<String, SortedSet<String>> dependencies) {
        CyclePath finder = new CyclePath(dependencies);
        for (String s : dependencies.keySet()) {
            List<String> cycle = finder.visit(s, new ArrayList<>());
            if (cycle != null) {
                return Optional.of(cycle);
            }
        }
        return Optional.empty();
    }

    private List<String> visit(String s, List<String> path) {
        int at = path.indexOf(s);
        if (at >= 0) {
            List<String> cycle = new ArrayList<>(path.subList(at, path.size()));
            cycle.add(s);
            return cycle;
        }
        if (done.contains(s)) {
            return null;
        }
        path.add(s);
        for (String dep : dependencies.getOrDefault(s, Collections.emptySortedSet())) {
            List<String> cycle = visit(dep, path);
            if (cycle != null) {
                return cycle;
            }
        }
        path.removeLast();
        done.add(s);
        return null;
    }
}
