package dev.berth.planner.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import dev.berth.planner.load.yaml.YamlReader;
import dev.berth.planner.tree.MapNode;
import org.junit.jupiter.api.Test;

class ProfilesTest {

    private static final MapNode MODEL = new YamlReader().readAll("compose.yaml", """
            services:
              web:
                image: w
                depends_on: {db: {condition: service_started, required: true}}
              db:
                image: d
              debug:
                image: g
                profiles: [debug]
              tools:
                image: t
                profiles: [tools, ops]
                depends_on: {debug: {condition: service_started, required: false}}
            """).getFirst();

    private static Set<String> services(MapNode model) {
        return ((MapNode) model.get("services")).keys();
    }

    @Test
    void apply_servicesWithoutProfiles_alwaysEnabled_othersOnlyWhenActive() {
        assertThat(services(Profiles.apply(MODEL, Set.of(), List.of()))).containsExactly("web", "db");
        assertThat(services(Profiles.apply(MODEL, Set.of("debug"), List.of()))).containsExactly("web", "db", "debug");
        assertThat(services(Profiles.apply(MODEL, Set.of("*"), List.of())))
                .containsExactly("web", "db", "debug", "tools");
    }

    @Test
    void apply_requestedService_activatesItsProfiles() {
        assertThat(services(Profiles.apply(MODEL, Set.of(), List.of("debug")))).containsExactly("web", "db", "debug");
    }

    @Test
    void apply_optionalDependencyOnDisabledService_isDropped() {
        MapNode model = Profiles.apply(MODEL, Set.of("ops"), List.of());
        MapNode tools = (MapNode) ((MapNode) model.get("services")).get("tools");
        assertThat(((MapNode) tools.get("depends_on")).keys()).isEmpty();
    }

    @Test
    void apply_requiredDependencyOnDisabledService_isLocatedError() {
        MapNode model = new YamlReader().readAll("compose.yaml", """
                services:
                  web: {image: w, depends_on: {db: {condition: service_started, required: true}}}
                  db: {image: d, profiles: [data]}
                """).getFirst();
        assertThatThrownBy(() -> Profiles.apply(model, Set.of(), List.of()))
                .hasMessage("compose.yaml:2:32: service \"db\" is required by \"web\" but is disabled; "
                        + "enable it with --profile data");
    }

    @Test
    void apply_unknownRequestedService_isError() {
        assertThatThrownBy(() -> Profiles.apply(MODEL, Set.of(), List.of("nope"))).hasMessage("no such service: nope");
    }

    @Test
    void active_flagsWinOverComposeProfiles_whichIsCommaSeparated() {
        assertThat(Profiles.active(List.of(), "a, b,,c")).containsExactly("a", "b", "c");
        assertThat(Profiles.active(List.of("x", "y"), "a")).containsExactly("x", "y");
    }

    @Test
    void all_listsEveryProfileSorted() {
        assertThat(Profiles.all(MODEL)).containsExactly("debug", "ops", "tools");
    }
}
