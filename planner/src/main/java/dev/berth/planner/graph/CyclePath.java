package dev.berth.planner.graph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds one dependency cycle and its path, depth first, in the order {@code dependencies} and its
 * collections iterate: the order decides which cycle is reported when there are several (name
 * order for {@link ServiceGraph}, the order written for the loader's consistency check, as
 * Compose reports it). A service that is no key has no dependencies.
 */
public final class CyclePath {

    private final Map<String, ? extends Collection<String>> dependencies;
    private final Set<String> done = new HashSet<>();

    private CyclePath(Map<String, ? extends Collection<String>> dependencies) {
        this.dependencies = dependencies;
    }

    /** The first cycle found, as {@code [a, b, a]}, or empty. */
    public static Optional<List<String>> find(Map<String, ? extends Collection<String>> dependencies) {
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
        Collection<String> deps = dependencies.get(s);
        for (String dep : deps == null ? List.<String>of() : deps) {
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
