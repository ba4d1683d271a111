package dev.berth.planner.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import dev.berth.planner.StackException;

class ServiceGraphProperties {

    /** A random DAG: service i may only depend on services with a lower number, names shuffled. */
    private static Map<String, Set<String>> randomDag(long seed, int size) {
        Random random = new Random(seed);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            names.add("s" + Integer.toString(random.nextInt(1_000_000), 36) + i);
        }
        Map<String, Set<String>> deps = new TreeMap<>();
        for (int i = 0; i < size; i++) {
            Set<String> d = new TreeSet<>();
            for (int j = 0; j < i; j++) {
                if (random.nextInt(4) == 0) {
                    d.add(names.get(j));
                }
            }
            deps.put(names.get(i), d);
        }
        return deps;
    }

    @Property(tries = 300)
    void startOrder_putsEveryDependencyFirst(@ForAll long seed, @ForAll @IntRange(min = 1, max = 40) int size) {
        Map<String, Set<String>> deps = randomDag(seed, size);
        ServiceGraph graph = ServiceGraph.of(deps);
        List<String> order = graph.startOrder();
        assertThat(order).hasSize(size).doesNotHaveDuplicates();
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            position.put(order.get(i), i);
        }
        deps.forEach((s, ds) -> ds.forEach(d -> assertThat(position.get(d)).isLessThan(position.get(s))));
        assertThat(graph.shutdownOrder()).containsExactlyElementsOf(order.reversed());
    }

    @Property(tries = 300)
    void levels_startAfterEveryDependencyLevel(@ForAll long seed, @ForAll @IntRange(min = 1, max = 40) int size) {
        Map<String, Set<String>> deps = randomDag(seed, size);
        List<List<String>> levels = ServiceGraph.of(deps).levels();
        Map<String, Integer> level = new HashMap<>();
        for (int l = 0; l < levels.size(); l++) {
            assertThat(levels.get(l)).isSorted();
            for (String s : levels.get(l)) {
                level.put(s, l);
            }
        }
        assertThat(level).hasSize(size);
        deps.forEach((s, ds) -> {
            ds.forEach(d -> assertThat(level.get(d)).isLessThan(level.get(s)));
            if (level.get(s) > 0) {
                assertThat(ds.stream().mapToInt(level::get).max().orElseThrow()).isEqualTo(level.get(s) - 1);
            }
        });
    }

    @Property(tries = 300)
    void anAddedBackEdge_isReportedAsACycle(@ForAll long seed, @ForAll @IntRange(min = 2, max = 30) int size) {
        Map<String, Set<String>> deps = randomDag(seed, size);
        List<String> order = ServiceGraph.of(deps).startOrder();
        String first = order.getFirst();
        String last = order.getLast();
        Map<String, Set<String>> cyclic = new TreeMap<>(deps);
        Set<String> firstDeps = new TreeSet<>(deps.get(first));
        firstDeps.add(last);
        cyclic.put(first, firstDeps);
        // a path last -> ... -> first exists only when last depends on first transitively; add it directly
        Set<String> lastDeps = new TreeSet<>(deps.get(last));
        lastDeps.add(first);
        cyclic.put(last, lastDeps);
        assertThatThrownBy(() -> ServiceGraph.of(cyclic))
                .isInstanceOf(StackException.class)
                .hasMessageStartingWith("dependency cycle detected: ")
                .satisfies(e -> {
                    String[] path = e.getMessage().substring("dependency cycle detected: ".length()).split(" -> ");
                    assertThat(path[0]).isEqualTo(path[path.length - 1]);
                    for (int i = 0; i + 1 < path.length; i++) {
                        assertThat(cyclic.get(path[i])).contains(path[i + 1]);
                    }
                });
    }
}
