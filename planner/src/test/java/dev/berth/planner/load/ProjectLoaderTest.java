package dev.berth.planner.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.berth.planner.StackException;
import dev.berth.planner.tree.MapNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectLoaderTest {

    @TempDir
    Path dir;

    private final RecordingStages stages = new RecordingStages();

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, content);
    }

    private LoadOptions options(Map<String, String> env) {
        return LoadOptions.defaults(dir, env, Path.of("/home/user"));
    }

    private static InputStream stdin(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private LoadResult load(LoadOptions options) {
        return new ProjectLoader(stages).load(options);
    }

    private static Object service(LoadResult result, String name) {
        return ((MapNode) ((MapNode) result.model().get("services")).get(name)).toPlain();
    }

    @Test
    void load_defaultFile_interpolatedWithDotEnv_osEnvironmentWins() throws IOException {
        write("app/compose.yaml", "services:\n  web:\n    image: ${IMAGE}:${TAG}\n");
        write("app/.env", "IMAGE=nginx\nTAG=1\n");
        LoadResult result = load(LoadOptions.defaults(dir.resolve("app"), Map.of("TAG", "2"), dir));
        assertThat(service(result, "web")).isEqualTo(Map.of("image", "nginx:2"));
        assertThat(result.projectName()).isEqualTo("app");
        assertThat(result.workingDir()).isEqualTo(dir.resolve("app"));
        assertThat(result.configFiles()).containsExactly(dir.resolve("app/compose.yaml").toString());
        assertThat(result.model().toPlain()).isEqualTo(Map.of("name", "app",
                "services", Map.of("web", Map.of("image", "nginx:2"))));
    }

    @Test
    void load_runsStagesInPipelineOrder_andSkipsNormalizeWhenAsked() throws IOException {
        write("compose.yaml", "services:\n  web: {image: a}\n---\nservices:\n  web: {init: true}\n");
        load(options(Map.of()).withProjectName("p"));
        assertThat(stages.calls).containsExactly("validate", "canonicalize " + dir.getFileName(),
                "validate", "canonicalize " + dir.getFileName(), "normalize p", "check");
        stages.calls.clear();
        load(options(Map.of()).withProjectName("p").withNormalize(false));
        assertThat(stages.calls).doesNotContain("normalize p");
    }

    @Test
    void load_multiDocumentFile_documentsMergedInOrder() throws IOException {
        write("compose.yaml", "services:\n  web: {image: a, init: true}\n---\nservices:\n  web: {image: b}\n");
        assertThat(service(load(options(Map.of())), "web")).isEqualTo(Map.of("image", "b", "init", true));
    }

    @Test
    void load_severalFiles_mergedLaterWins_pathsRelativeToFirstFilesDirectory() throws IOException {
        write("compose.yaml", "services:\n  web: {image: a, environment: {A: '1'}}\n");
        write("sub/extra.yaml", "services:\n  web: {environment: {B: '2'}}\n");
        LoadResult result = load(options(Map.of()).withFiles(List.of("compose.yaml", "sub/extra.yaml")));
        assertThat(service(result, "web")).isEqualTo(Map.of("image", "a", "environment", Map.of("A", "1", "B", "2")));
        assertThat(stages.calls).containsSubsequence("canonicalize " + dir.getFileName(),
                "canonicalize " + dir.getFileName());
        MapNode web = (MapNode) ((MapNode) result.model().get("services")).get("web");
        MapNode env = (MapNode) web.get("environment");
        assertThat(env.get("B").location().toString()).isEqualTo(dir.resolve("sub/extra.yaml") + ":2:26");
    }

    @Test
    void load_standardInput_isNamedDashInErrors() {
        LoadOptions opts = options(Map.of()).withFiles(List.of("-")).withStdin(() -> stdin("services:\n  web:\n    image: ${x!}\n"));
        assertThatThrownBy(() -> load(opts)).isInstanceOf(StackException.class)
                .hasMessage("-:3:12: invalid interpolation format for services.web.image: \"${x!}\"; "
                        + "you may need to escape any $ with another $");
    }

    @Test
    void load_emptyFile_isComposeError() throws IOException {
        Path f = write("compose.yaml", "# nothing yet\n");
        assertThatThrownBy(() -> load(options(Map.of())))
                .hasMessage(f + ": empty compose file; define at least one service");
    }

    @Test
    void load_validationErrorOfTheStages_passesThrough() throws IOException {
        Path f = write("compose.yaml", "services: {}\nx-invalid: 1\n");
        assertThatThrownBy(() -> load(options(Map.of())))
                .hasMessage(f + ":2:1: x-invalid is refused by the test schema");
    }

    @Test
    void load_obsoleteVersion_isDroppedWithWarning() throws IOException {
        Path f = write("compose.yaml", "version: '3.8'\nservices:\n  web: {image: a}\n");
        LoadResult result = load(options(Map.of()));
        assertThat(result.model().has("version")).isFalse();
        assertThat(result.warnings()).containsExactly(f + ":1:1: the attribute `version` is obsolete, it will be "
                + "ignored, please remove it to avoid potential confusion");
    }

    @Test
    void load_unsetVariables_areWarnedOnce() throws IOException {
        write("compose.yaml", "services:\n  web: {image: $NOPE, command: [$NOPE]}\n");
        assertThat(load(options(Map.of())).warnings())
                .containsExactly("The \"NOPE\" variable is not set. Defaulting to a blank string.");
    }

    @Test
    void load_projectName_flagOverEnvironmentOverModelOverDirectory() throws IOException {
        write("compose.yaml", "name: From_File\nservices:\n  web: {image: a}\n");
        assertThat(load(options(Map.of())).projectName()).isEqualTo("from_file");
        assertThat(load(options(Map.of("COMPOSE_PROJECT_NAME", "env"))).projectName()).isEqualTo("env");
        assertThat(load(options(Map.of("COMPOSE_PROJECT_NAME", "env")).withProjectName("flag")).projectName())
                .isEqualTo("flag");
        write(".env", "COMPOSE_PROJECT_NAME=dotenv\n");
        LoadResult result = load(options(Map.of()));
        assertThat(result.projectName()).isEqualTo("dotenv");
        assertThat(result.model().toPlain()).extracting(m -> ((Map<?, ?>) m).get("name")).isEqualTo("dotenv");
    }

    @Test
    void load_projectName_isInterpolated_andAvailableAsComposeProjectName() throws IOException {
        write("compose.yaml", "name: app-${STAGE}\nservices:\n  web: {image: 'img:${COMPOSE_PROJECT_NAME}'}\n");
        LoadResult result = load(options(Map.of("STAGE", "test")));
        assertThat(result.projectName()).isEqualTo("app-test");
        assertThat(service(result, "web")).isEqualTo(Map.of("image", "img:app-test"));
        assertThat(load(options(Map.of("STAGE", "test")).withProjectName("flag")).model().toPlain())
                .extracting(m -> ((Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) m).get("services")).get("web")).get("image"))
                .isEqualTo("img:flag");
    }

    @Test
    void load_invalidProjectNameFromEnvironment_isComposeError() throws IOException {
        write("compose.yaml", "services:\n  web: {image: a}\n");
        assertThatThrownBy(() -> load(options(Map.of("COMPOSE_PROJECT_NAME", "Bad Name"))))
                .hasMessage("invalid project name \"Bad Name\": must consist only of lowercase alphanumeric "
                        + "characters, hyphens, and underscores as well as start with a letter or number");
    }

    @Test
    void load_stdinIsReadOnce_evenThoughTheNameIsProbedFirst() {
        int[] reads = {0};
        LoadOptions opts = options(Map.of()).withFiles(List.of("-")).withStdin(() -> {
            reads[0]++;
            return stdin("name: piped\nservices:\n  web: {image: a}\n");
        });
        assertThat(load(opts).projectName()).isEqualTo("piped");
        assertThat(reads[0]).isEqualTo(1);
    }

    @Test
    void load_envFileOption_replacesDotEnv_composeFileFromEnvironment() throws IOException {
        write(".env", "TAG=dotenv\n");
        write("custom.env", "TAG=custom\nCOMPOSE_FILE=other.yaml\n");
        write("other.yaml", "services:\n  web: {image: 'x:${TAG}'}\n");
        LoadResult result = load(options(Map.of()).withEnvFiles(List.of("custom.env")));
        assertThat(service(result, "web")).isEqualTo(Map.of("image", "x:custom"));
        assertThat(result.environment().get("TAG")).isEqualTo("custom");
    }

    @Test
    void load_profiles_fromComposeProfiles_andAllProfilesReported() throws IOException {
        write("compose.yaml", """
                services:
                  web: {image: a}
                  debug: {image: b, profiles: [debug]}
                  ops: {image: c, profiles: [ops]}
                """);
        LoadResult result = load(options(Map.of("COMPOSE_PROFILES", "debug")));
        assertThat(((MapNode) result.model().get("services")).keys()).containsExactly("web", "debug");
        assertThat(result.profiles()).containsExactly("debug", "ops");
        LoadResult flagged = load(options(Map.of("COMPOSE_PROFILES", "debug")).withProfiles(List.of("ops")));
        assertThat(((MapNode) flagged.model().get("services")).keys()).containsExactly("web", "ops");
    }

    @Test
    void load_envFileOfService_resolvedIntoEnvironment() throws IOException {
        write("web.env", "A=${HOST_A}\nB=file\n");
        write("compose.yaml", "services:\n  web:\n    env_file: [{path: web.env}]\n    environment: {B: own}\n");
        assertThat(service(load(options(Map.of("HOST_A", "h"))), "web"))
                .isEqualTo(Map.of("environment", Map.of("A", "h", "B", "own")));
    }

    @Test
    void load_endlessStandardInput_stopsAtTheSizeLimit() {
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return '#';
            }
        };
        LoadOptions opts = options(Map.of()).withFiles(List.of("-")).withStdin(() -> endless);
        assertThatThrownBy(() -> load(opts)).isInstanceOf(StackException.class)
                .hasMessage("-: standard input has more than the 33554432 bytes (32 MiB) a stack file may have;"
                        + " split it into several files (several -f, include)");
    }

    @Test
    void load_standardInputNotUtf8_isLocated() {
        LoadOptions opts = options(Map.of()).withFiles(List.of("-"))
                .withStdin(() -> new ByteArrayInputStream(new byte[] {'a', ':', ' ', (byte) 0xC0, '\n'}));
        assertThatThrownBy(() -> load(opts)).isInstanceOf(StackException.class)
                .hasMessage("-:1:4: standard input is not valid UTF-8 (byte 0xC0); save it as UTF-8");
    }
}
