package dev.berth.planner.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.berth.planner.StackException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ProjectLoaderProperties {

    private static final String VALID = """
            name: demo
            services:
              web:
                image: nginx:${TAG:-1}
                environment: {A: "$$x", B: null}
                depends_on: {db: {condition: service_started, required: true}}
                extends: base
              base: {init: true, profiles: [x]}
              db: {image: db, ports: [{target: 80, published: "8080"}]}
            volumes:
              data: {external: false}
            """;

    @Provide
    Arbitrary<String> mutatedStacks() {
        Arbitrary<Integer> at = Arbitraries.integers().between(0, VALID.length());
        Arbitrary<String> insert = Arbitraries.of("$", "${", "}", ":", "- ", "\n", "  ", "{", "[", "!reset ", "!override ",
                "&a ", "*a", "<<: *a\n", "extends: web\n", "'", "\"", "#", "${X:?e}", "null", "~", "x-", "\t");
        Arbitrary<Integer> cut = Arbitraries.integers().between(0, 8);
        return Combinators.combine(at, insert, cut).as((i, s, c) ->
                VALID.substring(0, i) + s + VALID.substring(Math.min(VALID.length(), i + c)));
    }

    @Property(tries = 1500)
    void load_mutatedStack_loadsOrFailsWithLocatedStackException(@ForAll("mutatedStacks") String text) {
        LoadOptions options = LoadOptions.defaults(Path.of("/nonexistent/project"), Map.of(), Path.of("/root"))
                .withFiles(List.of("-"))
                .withStdin(() -> new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        try {
            assertThat(new ProjectLoader(new RecordingStages()).load(options).model()).isNotNull();
        } catch (StackException e) {
            assertThat(e.getMessage()).matches("(?s)(-(:\\d+:\\d+)?|/nonexistent/project[^:]*(:\\d+:\\d+)?): .+")
                    .doesNotContain("Exception");
        }
    }
}
