package dev.berth.planner.load.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import dev.berth.planner.load.yaml.YamlReader;
import dev.berth.planner.tree.MapNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvironmentResolverTest {

    @TempDir
    Path dir;

    private Object resolve(String yaml, Map<String, String> vars) {
        MapNode model = new YamlReader().readAll("compose.yaml", yaml).getFirst();
        MapNode out = new EnvironmentResolver(new InterpolationEnvironment(vars), dir).resolve(model);
        return ((MapNode) ((MapNode) out.get("services")).get("web")).toPlain();
    }

    @Test
    void resolve_envFilesInOrder_environmentWins_envFileRemoved() throws IOException {
        Files.writeString(dir.resolve("a.env"), "A=a\nB=a\nC=a\n");
        Files.writeString(dir.resolve("b.env"), "B=b\nC=b\n");
        Object web = resolve("""
                services:
                  web:
                    image: x
                    env_file: [{path: a.env, required: true}, {path: b.env}]
                    environment: {C: web}
                """, Map.of());
        assertThat(web).isEqualTo(Map.of("image", "x", "environment", Map.of("A", "a", "B", "b", "C", "web")));
    }

    @Test
    void resolve_nullEntries_takenFromInterpolationEnvironment_orDropped() {
        Object web = resolve("""
                services:
                  web:
                    environment: {SET: null, UNSET: null, EMPTY: ''}
                    build: {context: ., args: {ARG: null, GONE: null, KEPT: v}}
                """, Map.of("SET", "s", "ARG", "a"));
        assertThat(web).isEqualTo(Map.of("environment", Map.of("SET", "s", "EMPTY", ""),
                "build", Map.of("context", ".", "args", Map.of("ARG", "a", "KEPT", "v"))));
    }

    @Test
    void resolve_envFileValues_areInterpolatedAgainstInterpolationEnvironment_unlessRaw() throws IOException {
        Files.writeString(dir.resolve("a.env"), "A=${HOST}\nINHERIT\n");
        Files.writeString(dir.resolve("raw.env"), "R=\"${HOST}\"\n");
        Object web = resolve("""
                services:
                  web:
                    env_file: [{path: a.env}, {path: raw.env, format: raw}]
                """, Map.of("HOST", "h", "INHERIT", "i"));
        assertThat(web).isEqualTo(Map.of("environment", Map.of("A", "h", "INHERIT", "i", "R", "\"${HOST}\"")));
    }

    @Test
    void resolve_missingRequiredEnvFile_isLocatedError() {
        assertThatThrownBy(() -> resolve("services:\n  web:\n    env_file: [{path: nope.env}]\n", Map.of()))
                .hasMessage("compose.yaml:3:23: env file " + dir.resolve("nope.env")
                        + " not found (create it, or mark it required: false)");
    }

    @Test
    void resolve_missingOptionalEnvFile_isSkipped_andNoEmptyEnvironmentIsAdded() {
        Object web = resolve("services:\n  web:\n    env_file: [{path: nope.env, required: false}]\n",
                new HashMap<>());
        assertThat(web).isEqualTo(Map.of());
    }

    @Test
    void resolve_envFileThatIsAFolder_isLocatedError_evenWhenNotRequired() throws IOException {
        Files.createDirectory(dir.resolve("env.d"));
        assertThatThrownBy(() -> resolve("services:\n  web:\n    env_file: [{path: env.d, required: false}]\n",
                new HashMap<>()))
                .hasMessage("compose.yaml:3:23: env file " + dir.resolve("env.d") + " is a folder, not a file");
    }
}
