package dev.berth.planner.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SequencedSet;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultDirectedGraph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.traverse.TopologicalOrderIterator;

import dev.berth.planner.StackException;
import dev.berth.planner.model.Project;
import dev.berth.planner.model.Service;

/**
 * The services of a project and their dependencies ({@code depends_on}, including the implicit
 * ones the normalizer added), as a directed acyclic graph with an edge from each dependency to its
 * dependent. Every order it gives is deterministic: among services that could go next, names sort.
 */
public final class ServiceGraph {

    private final Graph<String, DefaultEdge> graph;

    private ServiceGraph(Graph<String, DefaultEdge> graph) {
        this.graph = graph;
    }

    /** The graph of {@code project}'s services; dependencies on services not in the project are left out. */
    public static ServiceGraph of(Project project) {
        Map<String, Set<String>> deps = new TreeMap<>();
        for (Service s : project.services().values()) {
            deps.put(s.name(), s.dependsOn().keySet());
        }
        return of(deps);
    }

    /**
     * The graph of services named by the keys of {@code dependencies}, each mapped to the services it depends on.
     *
     * @throws StackException {@code dependency cycle detected: a -> b -> a} when the dependencies form a cycle
     */
    public static ServiceGraph of(Map<String, ? extends Set<String>> dependencies) {
        Graph<String, DefaultEdge> g = new DefaultDirectedGraph<>(DefaultEdge.class);
        new TreeSet<>(dependencies.keySet()).forEach(g::addVertex);
        Map<String, SortedSet<String>> known = new TreeMap<>();
        for (var e : dependencies.entrySet()) {
            SortedSet<String> targets = new TreeSet<>();
            for (String dep : e.getValue()) {
                if (g.containsVertex(dep)) {
                    targets.add(dep);
                }
            }
            known.put(e.getKey(), targets);
        }
        for (var e : known.entrySet()) {
            for (String dep : e.getValue()) {
                if (dep.equals(e.getKey())) {
                    throw new StackException("dependency cycle detected: " + dep + " -> " + dep);
                }
                g.addEdge(dep, e.getKey());
            }
        }
        CyclePath.find(known).ifPresent(path -> {
            throw new StackException("dependency cycle detected: " + String.join(" -> ", path));
        });
        return new ServiceGraph(g);
    }

    /** Every service, each after the services it depends on. */
    public List<String> startOrder() {
        List<String> order = new ArrayList<>();
        new TopologicalOrderIterator<>(graph, Comparator.<String>naturalOrder()).forEachRemaining(order::add);
        return List.copyOf(order);
    }

    /**
     * Every service, each after the services it depends on, in the order Docker Compose lists them
     * ({@code config --services}; compose-go's {@code Project.ForEachService}): services by name,
     * each preceded by its own dependencies taken the same way, depth first.
     */
    public List<String> listingOrder() {
        SequencedSet<String> order = new LinkedHashSet<>();
        for (String root : new TreeSet<>(graph.vertexSet())) {
            Deque<String> path = new ArrayDeque<>();
            Deque<Iterator<String>> pending = new ArrayDeque<>();
            if (!order.contains(root)) {
                path.push(root);
                pending.push(dependenciesOf(root).iterator());
            }
            while (!path.isEmpty()) {
                Iterator<String> deps = pending.peek();
                if (!deps.hasNext()) {
                    order.add(path.pop());
                    pending.pop();
                    continue;
                }
                String dep = deps.next();
                if (!order.contains(dep)) {
                    path.push(dep);
                    pending.push(dependenciesOf(dep).iterator());
                }
            }
        }
        return List.copyOf(order);
    }

    /** Every service, each before the services it depends on: the order to stop and remove them. */
    public List<String> shutdownOrder() {
        List<String> order = new ArrayList<>(startOrder());
        Collections.reverse(order);
        return List.copyOf(order);
    }

    /**
     * Groups of services that can start in parallel: level 0 depends on nothing, level n on
     * services of lower levels only, at least one of level n-1. Each group is sorted.
     */
    public List<List<String>> levels() {
        Map<String, Integer> level = new HashMap<>();
        TreeMap<Integer, List<String>> groups = new TreeMap<>();
        for (String s : startOrder()) {
            int l = 0;
            for (DefaultEdge e : graph.incomingEdgesOf(s)) {
                l = Math.max(l, level.get(graph.getEdgeSource(e)) + 1);
            }
            level.put(s, l);
            groups.computeIfAbsent(l, k -> new ArrayList<>()).add(s);
        }
        List<List<String>> out = new ArrayList<>();
        groups.values().forEach(g -> out.add(g.stream().sorted().toList()));
        return List.copyOf(out);
    }

    /** The services {@code service} depends on directly, sorted. */
    public List<String> dependenciesOf(String service) {
        return graph.incomingEdgesOf(service).stream().map(graph::getEdgeSource).sorted().toList();
    }

    /** The services that depend directly on {@code service}, sorted. */
    public List<String> dependentsOf(String service) {
        return graph.outgoingEdgesOf(service).stream().map(graph::getEdgeTarget).sorted().toList();
    }

    /** {@code service} and every service it depends on, directly or not, in start order. */
    public List<String> withDependencies(Set<String> services) {
        Set<String> wanted = new TreeSet<>();
        List<String> todo = new ArrayList<>(services);
        while (!todo.isEmpty()) {
            String s = todo.removeLast();
            if (graph.containsVertex(s) && wanted.add(s)) {
                todo.addAll(dependenciesOf(s));
            }
        }
        return startOrder().stream().filter(wanted::contains).toList();
    }
}
