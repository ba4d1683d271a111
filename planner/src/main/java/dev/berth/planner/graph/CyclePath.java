package dev.berth.planner.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds one dependency cycle and its path, depth first, in the order {@code dependencies} and its
 * collections iterate: the order decides which cycle is reported when there are several (name
 * order for {@link ServiceGraph}, the order written for the loader's consistency check, as
 * Compose reports it). A service that is no key has no dependencies. The walk keeps its path on
 * the heap, so a chain of any length takes no stack.
 */
public final class CyclePath {

    private CyclePath() {
    }

    /** The first cycle found, as {@code [a, b, a]}, or empty. */
    public static Optional<List<String>> find(Map<String, ? extends Collection<String>> dependencies) {
        Set<String> done = new HashSet<>();
        for (String root : dependencies.keySet()) {
            if (done.contains(root)) {
                continue;
            }
            List<String> path = new ArrayList<>(List.of(root));
            Set<String> onPath = new HashSet<>(path);
            Deque<Iterator<String>> pending = new ArrayDeque<>();
            pending.push(dependenciesOf(dependencies, root));
            while (!pending.isEmpty()) {
                Iterator<String> next = pending.peek();
                if (!next.hasNext()) {
                    String finished = path.removeLast();
                    onPath.remove(finished);
                    done.add(finished);
                    pending.pop();
                    continue;
                }
                String dep = next.next();
                if (onPath.contains(dep)) {
                    List<String> cycle = new ArrayList<>(path.subList(path.indexOf(dep), path.size()));
                    cycle.add(dep);
                    return Optional.of(cycle);
                }
                if (!done.contains(dep)) {
                    path.add(dep);
                    onPath.add(dep);
                    pending.push(dependenciesOf(dependencies, dep));
                }
            }
        }
        return Optional.empty();
    }

    private static Iterator<String> dependenciesOf(Map<String, ? extends Collection<String>> dependencies,
                                                   String service) {
        Collection<String> deps = dependencies.get(service);
        return deps == null ? List.<String>of().iterator() : deps.iterator();
    }
}
