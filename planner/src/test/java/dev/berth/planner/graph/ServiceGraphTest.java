package dev.berth.planner.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.berth.planner.StackException;

class ServiceGraphTest {

    private static Map<String, Set<String>> deps(Object... pairs) {
        Map<String, Set<String>> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], (Set<String>) pairs[i + 1]);
        }
        return m;
    }

    private final ServiceGraph shop = ServiceGraph.of(deps(
            "web", Set.of("api", "static"),
            "api", Set.of("db", "cache"),
            "worker", Set.of("db"),
            "static", Set.of(),
            "db", Set.of(),
            "cache", Set.of()));

    @Test
    void startOrder_putsDependenciesFirst_namesBreakTies() {
        assertThat(shop.startOrder()).containsExactly("cache", "db", "api", "static", "web", "worker");
    }

    @Test
    void shutdownOrder_isTheReverse() {
        assertThat(shop.shutdownOrder()).containsExactly("worker", "web", "static", "api", "db", "cache");
    }

    @Test
    void levels_groupServicesThatCanStartTogether() {
        assertThat(shop.levels()).containsExactly(
                java.util.List.of("cache", "db", "static"),
                java.util.List.of("api", "worker"),
                java.util.List.of("web"));
    }

    @Test
    void neighbours_areSorted() {
        assertThat(shop.dependenciesOf("web")).containsExactly("api", "static");
        assertThat(shop.dependentsOf("db")).containsExactly("api", "worker");
    }

    @Test
    void withDependencies_closesOverDependencies() {
        assertThat(shop.withDependencies(Set.of("api"))).containsExactly("cache", "db", "api");
    }

    @Test
    void of_reportsCycleWithPath() {
        assertThatThrownBy(() -> ServiceGraph.of(deps("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"))))
                .isInstanceOf(StackException.class)
                .hasMessage("dependency cycle detected: a -> b -> c -> a");
    }

    @Test
    void of_reportsSelfCycle() {
        assertThatThrownBy(() -> ServiceGraph.of(deps("a", Set.of("a"))))
                .isInstanceOf(StackException.class)
                .hasMessage("dependency cycle detected: a -> a");
    }

    @Test
    void of_ignoresDependenciesOutsideTheProject() {
        assertThat(ServiceGraph.of(deps("a", Set.of("gone"))).startOrder()).containsExactly("a");
    }

    @Test
    void startOrder_isTheSameWhateverTheInsertionOrder() {
        ServiceGraph reversed = ServiceGraph.of(deps(
                "cache", Set.of(), "db", Set.of(), "static", Set.of(), "worker", Set.of("db"),
                "api", Set.of("cache", "db"), "web", Set.of("static", "api")));
        assertThat(reversed.startOrder()).isEqualTo(shop.startOrder());
        assertThat(reversed.levels()).isEqualTo(shop.levels());
    }

    @Test
    void listingOrder_isComposesDepthFirstOrder_eachServiceAfterItsDependencies() {
        ServiceGraph graph = ServiceGraph.of(Map.of("a", Set.of("z"), "b", Set.of(), "z", Set.of()));
        assertThat(graph.listingOrder()).containsExactly("z", "a", "b");
        assertThat(graph.startOrder()).containsExactly("b", "z", "a");
    }

    @Test
    void ofALongChain_buildsAndLists_withoutOverflowingTheStack() {
        Map<String, Set<String>> chain = new HashMap<>();
        for (int i = 0; i < 20_000; i++) {
            chain.put(String.format("s%05d", i), i == 0 ? Set.of() : Set.of(String.format("s%05d", i - 1)));
        }
        List<String> order = ServiceGraph.of(chain).listingOrder();
        assertThat(order).hasSize(20_000).startsWith("s00000", "s00001").endsWith("s19999");
    }
}
