package dev.berth.planner.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.berth.planner.tree.MapNode;

/** compose-spec 13-merge.md: {@code !reset} and {@code !override} in a later {@code -f} file act on the earlier files. */
class MergeDirectivesAcrossFilesTest {

    @TempDir
    Path dir;

    private Object web(String override) throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), """
                services:
                  web:
                    image: nginx
                    ports: ['80:80']
                    environment: {A: a, B: b}
                """);
        Files.writeString(dir.resolve("override.yaml"), override);
        LoadOptions options = LoadOptions.defaults(dir, Map.of(), dir).withProjectName("p")
                .withFiles(List.of("compose.yaml", "override.yaml"));
        MapNode model = new ProjectLoader(new StandardStages()).load(options).model();
        return ((MapNode) ((MapNode) model.get("services")).get("web")).toPlain();
    }

    @Test
    void reset_inALaterFile_removesWhatEarlierFilesSet() throws IOException {
        Object web = web("services:\n  web:\n    ports: !reset []\n    environment:\n      B: !reset\n");
        assertThat(web).isEqualTo(Map.of("image", "nginx", "environment", Map.of("A", "a"),
                "networks", java.util.Collections.singletonMap("default", null)));
    }

    @Test
    void override_inALaterFile_replacesInsteadOfMerging() throws IOException {
        Object web = web("services:\n  web:\n    environment: !override\n      C: c\n");
        assertThat(((Map<?, ?>) web).get("environment")).isEqualTo(Map.of("C", "c"));
    }
}
