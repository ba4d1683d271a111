package dev.berth.cli.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EngineApiSchemaTest {

    private static final EngineApiSchema SCHEMA = EngineApiSchema.load();
    private static final String VOLUME = """
            {"CreatedAt":"2026-12-04T10:00:00Z","Driver":"local","Labels":{},"Mountpoint":"/var/lib/berth/volumes/v/_data",\
            "Name":"v","Options":{},"Scope":"local"}""";

    private static RecordingProxy.Exchange json(String method, String path, int status, String body) {
        return new RecordingProxy.Exchange(method, path, status, "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void check_passesAResponseThatMatches_underAVersionPrefixToo() {
        assertThat(SCHEMA.check(json("GET", "/volumes/v", 200, VOLUME))).isEmpty();
        assertThat(SCHEMA.check(json("GET", "/v1.41/volumes/v?x=1", 200, VOLUME))).isEmpty();
    }

    @Test
    void check_namesAFieldAClientNeeds_whenItIsMissing() {
        String info = "{\"ID\":\"x\"}";
        assertThat(SCHEMA.check(json("GET", "/info", 200, info)))
                .anySatisfy(problem -> assertThat(problem).startsWith("GET /info -> 200: ").contains("MemTotal"));
    }

    @Test
    void check_refusesRoutesMethodsAndStatusesTheDescriptionLacks() {
        assertThat(SCHEMA.check(json("GET", "/swarm", 200, "{}")))
                .containsExactly("GET /swarm -> 200: the route is not in engine-api.yaml");
        assertThat(SCHEMA.check(json("GET", "/swarm", 404, "{\"message\":\"page not found\"}"))).isEmpty();
        assertThat(SCHEMA.check(json("PUT", "/volumes/v", 200, "{}")))
                .containsExactly("PUT /volumes/v -> 200: PUT is not described for /volumes/{name}");
        assertThat(SCHEMA.check(json("GET", "/volumes/v", 418, "{}")))
                .containsExactly("GET /volumes/v -> 418: status 418 is not described for GET /volumes/{name}");
    }

    @Test
    void check_validatesEachLineOfAJsonStream_andErrorsThroughTheirReference() {
        String events = "{\"Type\":\"container\",\"Action\":\"start\",\"Actor\":{\"ID\":\"a\",\"Attributes\":{}},"
                + "\"scope\":\"local\",\"time\":1,\"timeNano\":1}\n{\"Type\":\"container\"}\n";
        assertThat(SCHEMA.check(json("GET", "/events", 200, events))).isNotEmpty()
                .allSatisfy(problem -> assertThat(problem).endsWith(" in {\"Type\":\"container\"}"));
        assertThat(SCHEMA.check(json("GET", "/containers/abc/json", 404, "{\"message\":\"No such container: abc\"}")))
                .isEmpty();
        assertThat(SCHEMA.check(json("GET", "/containers/abc/json", 404, "{}"))).hasSize(1);
    }

    @Test
    void check_matchesImageNamesWithSlashes_andLiteralRoutesFirst() {
        String images = "[]";
        assertThat(SCHEMA.check(json("GET", "/images/json", 200, images))).isEmpty();
        assertThat(SCHEMA.check(json("GET", "/images/library/busybox:1/json", 404, "{\"message\":\"No such image\"}")))
                .isEmpty();
    }
}
