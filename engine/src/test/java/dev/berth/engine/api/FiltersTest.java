package dev.berth.engine.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class FiltersTest {

    @Test
    void mapShape_andListShape_readTheSame() {
        Filters map = Filters.parse("{\"label\":{\"a=b\":true,\"c\":true},\"status\":{\"running\":true}}");
        Filters list = Filters.parse("{\"label\": [\"a=b\", \"c\"], \"status\": [\"running\"]}");

        assertThat(map).isEqualTo(list);
        assertThat(list.get("label")).containsExactly("a=b", "c");
    }

    @Test
    void labels_mustAllMatch_keyAloneMeansPresent() {
        Filters filters = Filters.parse("{\"label\":[\"com.docker.compose.project=web\",\"oneoff\"]}");

        assertThat(filters.matchesLabels("label", Map.of("com.docker.compose.project", "web", "oneoff", "False"))).isTrue();
        assertThat(filters.matchesLabels("label", Map.of("com.docker.compose.project", "web"))).isFalse();
        assertThat(filters.matchesLabels("label", Map.of("com.docker.compose.project", "api", "oneoff", ""))).isFalse();
    }

    @Test
    void otherKeys_matchAnyOfTheirValues() {
        Filters filters = Filters.parse("{\"status\":[\"created\",\"exited\"]}");

        assertThat(filters.matchesAny("status", "exited")).isTrue();
        assertThat(filters.matchesAny("status", "running")).isFalse();
        assertThat(filters.matchesAny("name", "anything")).isTrue();
    }

    @Test
    void blank_isNoFilter() {
        assertThat(Filters.parse(null)).isEqualTo(Filters.NONE);
        assertThat(Filters.parse("")).isEqualTo(Filters.NONE);
    }

    @Test
    void malformed_isA400NamingTheInput() {
        assertThatThrownBy(() -> Filters.parse("{\"label\":"))
                .isInstanceOf(ApiException.class).hasMessageStartingWith("invalid filters {\"label\":: not JSON: ")
                .extracting(e -> ((ApiException) e).status()).isEqualTo(400);
        assertThatThrownBy(() -> Filters.parse("{\"label\":\"a=b\"}"))
                .hasMessage("invalid filters {\"label\":\"a=b\"}: the values of \"label\" must be a list or a map");
    }

    @Test
    void unknownKey_isRefusedWithDockersWording() {
        assertThatThrownBy(() -> Filters.parse("{\"colour\":[\"red\"]}").requireKnown(Set.of("label", "status")))
                .hasMessage("invalid filter 'colour'");
    }

    @Test
    void queryBooleans_followDockersBoolValue() {
        QueryParams query = new QueryParams(Map.of("a", List.of("1"), "b", List.of("False"), "c", List.of("True"),
                "d", List.of(""), "e", List.of("none"), "f", List.of("yes")));

        assertThat(List.of(query.bool("a"), query.bool("b"), query.bool("c"), query.bool("d"), query.bool("e"),
                query.bool("f"), query.bool("missing"))).containsExactly(true, false, true, false, false, true, false);
    }

    @Test
    void apiVersions_compareNumberByNumber() {
        assertThat(new ApiVersion("1.9").isOlderThan(new ApiVersion("1.24"))).isTrue();
        assertThat(new ApiVersion("1.44").compareTo(ApiVersion.CURRENT)).isZero();
        assertThat(new ApiVersion("1.44.1").isNewerThan(ApiVersion.CURRENT)).isTrue();
    }
}
