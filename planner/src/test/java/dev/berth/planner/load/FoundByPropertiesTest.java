package dev.berth.planner.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.berth.planner.StackException;
import dev.berth.planner.tree.MapNode;

/** Stack files that {@code LoaderProperties} found mishandled, through the real loader and stages. */
class FoundByPropertiesTest {

    @TempDir
    Path dir;

    private LoadResult load(String text) throws IOException {
        Path file = Files.writeString(dir.resolve("compose.yaml"), text);
        LoadOptions options = LoadOptions.defaults(dir, Map.of(), dir).withFiles(List.of(file.toString()));
        return new ProjectLoader(new StandardStages()).load(options);
    }

    @Test
    void load_nameWithoutUsableCharacter_failsAtTheNameValue() {
        assertThatThrownBy(() -> load("name: \"~\"\nservices:\n  web: {image: a}\n"))
                .isInstanceOf(StackException.class)
                .hasMessage(dir.resolve("compose.yaml") + ":1:7: name: project name must not be empty;"
                        + " set one with -p or a top-level name:");
    }

    @Test
    void load_envFilePathWithNulCharacter_failsAtThePath() {
        assertThatThrownBy(() -> load("services:\n  web:\n    image: a\n    env_file: \"a\\u0000b\"\n"))
                .isInstanceOf(StackException.class)
                .hasMessage(dir.resolve("compose.yaml") + ":4:15: \"a\u0000b\" is not a valid path:"
                        + " Nul character not allowed");
    }

    @Test
    void load_bindSourceWithNulCharacter_failsAtTheVolume() {
        assertThatThrownBy(() -> load("services:\n  web:\n    image: a\n    volumes: [\"./a\\u0000:/data\"]\n"))
                .isInstanceOf(StackException.class)
                .hasMessage(dir.resolve("compose.yaml") + ":4:15: \"./a\u0000\" is not a valid path:"
                        + " Nul character not allowed");
    }

    @Test
    void load_extendsFileMissing_failsAtTheFileName() {
        assertThatThrownBy(() -> load("services:\n  web:\n    extends: {file: base.yml, service: b}\n"))
                .isInstanceOf(StackException.class)
                .hasMessage(dir.resolve("compose.yaml") + ":3:21: extends of service \"web\": cannot read file"
                        + " \"base.yml\" (" + dir.resolve("base.yml") + "); check the name and that the file exists");
    }

    @Test
    void load_includeFileMissing_failsAtThePath() {
        assertThatThrownBy(() -> load("include: [other.yaml]\nservices:\n  web: {image: a}\n"))
                .isInstanceOf(StackException.class)
                .hasMessageStartingWith(dir.resolve("compose.yaml") + ":1:11: ");
    }

    @Test
    void load_infiniteNumber_failsAtTheValue() {
        assertThatThrownBy(() -> load("services:\n  web:\n    image: a\n    restart: .inf\n"))
                .isInstanceOf(StackException.class)
                .hasMessage(dir.resolve("compose.yaml") + ":4:14: services.web.restart: Infinity is not a finite number;"
                        + " write a finite number, or quote the value if text was meant");
    }

    @Test
    void load_manyServices_keepTheirOrderThroughTheMerge() throws IOException {
        StringBuilder text = new StringBuilder("services:\n");
        for (int i = 0; i < 300; i++) {
            text.append("  s").append(299 - i).append(": {image: a}\n");
        }
        MapNode services = (MapNode) load(text.toString()).model().get("services");
        assertThat(services.keys()).hasSize(300).startsWith("s299", "s298").endsWith("s0");
    }
}
