package dev.berth.engine.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class RouterTest {

    private static final RouteHandler OK = request -> ApiResponse.noContent();

    private final Router router = new Router()
            .get("/containers/json", OK)
            .get("/containers/{id}/json", OK)
            .delete("/images/{name*}", OK)
            .post("/containers/{id}/start", OK);

    @Test
    void route_isFound_withAndWithoutVersionPrefix() {
        Router.Match plain = router.resolve("GET", "/containers/abc/json");
        Router.Match versioned = router.resolve("GET", "/v1.41/containers/abc/json");

        assertThat(plain.route().pattern()).isEqualTo("/containers/{id}/json");
        assertThat(plain.version()).isEqualTo(ApiVersion.CURRENT);
        assertThat(versioned.route()).isEqualTo(plain.route());
        assertThat(versioned.version()).isEqualTo(new ApiVersion("1.41"));
        assertThat(versioned.path()).isEqualTo("/containers/abc/json");
        assertThat(versioned.params()).isEqualTo(Map.of("id", "abc"));
    }

    @Test
    void literalSegments_areNotTakenForParameters() {
        assertThat(router.resolve("GET", "/containers/json").route().pattern()).isEqualTo("/containers/json");
    }

    @Test
    void multiSegmentParameter_takesSlashes() {
        assertThat(router.resolve("DELETE", "/v1.44/images/registry:5000/library/busybox:1.36").params())
                .isEqualTo(Map.of("name", "registry:5000/library/busybox:1.36"));
    }

    @Test
    void unknownPathOrMethod_isPageNotFound() {
        for (String[] request : new String[][] {{"GET", "/nope"}, {"POST", "/containers/json"}, {"GET", "/v1.44"},
                {"GET", "/vX/containers/json"}}) {
            assertThatThrownBy(() -> router.resolve(request[0], request[1]))
                    .isInstanceOf(ApiException.class).hasMessage("page not found")
                    .extracting(e -> ((ApiException) e).status()).isEqualTo(404);
        }
    }

    @Test
    void versionOutsideTheRange_isA400() {
        assertThatThrownBy(() -> router.resolve("GET", "/v1.45/containers/json"))
                .hasMessage("client version 1.45 is too new. Maximum supported API version is 1.44")
                .extracting(e -> ((ApiException) e).status()).isEqualTo(400);
        assertThatThrownBy(() -> router.resolve("GET", "/v1.12/containers/json"))
                .hasMessage("client version 1.12 is too old. Minimum supported API version is 1.24, "
                        + "please upgrade your client to a newer version");
    }

    @Test
    void traversalInParameters_isA400() {
        assertThatThrownBy(() -> router.resolve("POST", "/containers/..%2F..%2Fetc/start"))
                .hasMessage("invalid id \"../../etc\": it contains a \"/\"");
        assertThatThrownBy(() -> router.resolve("DELETE", "/images/a/%2E%2E/b"))
                .hasMessage("invalid name \"a/../b\": it contains a \"..\" path segment");
        assertThatThrownBy(() -> router.resolve("DELETE", "/images/a/../b"))
                .hasMessage("invalid path /images/a/../b: \".\" and \"..\" segments are not allowed");
        assertThatThrownBy(() -> router.resolve("GET", "/containers/a%00b/json"))
                .hasMessage("invalid id \"a\\0b\": it contains a NUL byte");
    }

    @Test
    void sameRouteTwice_isABug() {
        assertThatThrownBy(() -> router.get("/containers/json", OK))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("route GET /containers/json is registered twice");
    }

    @Test
    void streamingRegistration_marksTheRouteStreamed_andOthersAggregated() {
        Router streaming = new Router().postStreaming("/images/load", OK).putStreaming("/containers/{id}/archive", OK)
                .addHijacking("POST", "/containers/{id}/attach", OK).post("/images/prune", OK);

        assertThat(streaming.resolve("POST", "/v1.44/images/load").route().streaming()).isTrue();
        assertThat(streaming.resolve("PUT", "/containers/abc/archive").route().body())
                .isEqualTo(Router.BodyMode.STREAMED);
        assertThat(streaming.resolve("POST", "/containers/abc/attach").route().hijacking()).isTrue();
        assertThat(streaming.resolve("POST", "/images/prune").route().body()).isEqualTo(Router.BodyMode.AGGREGATED);
    }
}
