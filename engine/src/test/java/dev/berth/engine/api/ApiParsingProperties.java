package dev.berth.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random and mutated paths and filters through the router and the filters parser: each either
 * parses or is refused with a 400 or 404 {@link ApiException}, and no accepted path parameter can
 * name anything outside its place.
 */
class ApiParsingProperties {

    private static final RouteHandler OK = request -> ApiResponse.noContent();

    private final Router router = new Router()
            .get("/containers/{id}/json", OK)
            .get("/images/{name*}/json", OK)
            .get("/_ping", OK);

    @Property(tries = 2000)
    void anyPath_isRoutedOrRefused_andParametersNeverLeaveTheirPlace(@ForAll("paths") String path) {
        try {
            Router.Match match = router.resolve("GET", path);
            for (String value : match.params().values()) {
                assertThat(List.of(value.split("/", -1))).doesNotContain("..", ".", "");
                assertThat(value).doesNotContain("\0");
            }
            assertThat(match.params().getOrDefault("id", "")).doesNotContain("/");
        } catch (ApiException e) {
            assertThat(e.status()).isIn(400, 404);
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    @Property(tries = 2000)
    void anyFiltersText_isReadOrRefusedWith400(@ForAll("filters") String raw) {
        try {
            Filters filters = Filters.parse(raw);
            filters.values().values().forEach(values -> assertThat(values).doesNotContainNull());
        } catch (ApiException e) {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.getMessage()).startsWith("invalid filters ");
        }
    }

    @Provide
    Arbitrary<String> paths() {
        Arbitrary<String> segment = Arbitraries.oneOf(
                Arbitraries.of("containers", "images", "json", "_ping", "v1.44", "v1.2", "v9.99", "..", ".", "",
                        "%2E%2E", "%2F", "%00", "a%2Fb", "+", "%", "%zz", "library", "busybox:1.36"),
                Arbitraries.strings().ofMaxLength(6));
        return segment.list().ofMaxSize(6).map(parts -> "/" + String.join("/", parts));
    }

    @Provide
    Arbitrary<String> filters() {
        Arbitrary<String> valid = Arbitraries.of(
                "{\"label\":[\"a=b\",\"c\"]}", "{\"label\":{\"a=b\":true}}", "{\"status\":{\"running\":false}}", "{}");
        Arbitrary<String> mutated = valid.flatMap(text -> Arbitraries.integers().between(0, text.length())
                .flatMap(cut -> Arbitraries.strings().ofMaxLength(3).map(noise -> text.substring(0, cut) + noise)));
        return Arbitraries.oneOf(valid, mutated, Arbitraries.strings().ofMaxLength(20));
    }
}
