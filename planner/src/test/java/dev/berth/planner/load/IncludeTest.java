package dev.berth.planner.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import dev.berth.planner.tree.MapNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncludeTest {

    @TempDir
    Path dir;

    private final RecordingStages stages = new RecordingStages();

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, content);
    }

    private LoadResult load(Map<String, String> env) {
        return new ProjectLoader(stages).load(LoadOptions.defaults(dir, env, dir));
    }

    @Test
    void include_importsResources_withOwnDirectoryAndDotEnv() throws IOException {
        write("db/compose.yaml", """
                services:
                  db: {image: 'postgres:${PG}'}
                volumes:
                  data: {}
                """);
        write("db/.env", "PG=16\n");
        write("compose.yaml", "include: [db/compose.yaml]\nservices:\n  web: {image: web}\n");
        LoadResult result = load(Map.of());
        assertThat(result.model().toPlain()).isEqualTo(Map.of("name", dir.getFileName().toString().toLowerCase()
                        .replaceAll("[^a-z0-9_-]", "").replaceFirst("^[_-]+", ""),
                "services", Map.of("web", Map.of("image", "web"), "db", Map.of("image", "postgres:16")),
                "volumes", Map.of("data", Map.of())));
        assertThat(stages.calls).contains("canonicalize db");
    }

    @Test
    void include_longForm_envFileAndProjectDirectory_includingEnvironmentWins() throws IOException {
        write("lib/svc.yaml", "services:\n  svc: {image: '${IMG}:${TAG}'}\n");
        write("lib.env", "IMG=lib\nTAG=lib\n");
        write("compose.yaml", """
                include:
                  - path: lib/svc.yaml
                    env_file: lib.env
                    project_directory: proj
                """);
        LoadResult result = load(Map.of("TAG", "host"));
        assertThat(((MapNode) result.model().get("services")).get("svc").toPlain())
                .isEqualTo(Map.of("image", "lib:host"));
        assertThat(stages.calls).contains("canonicalize proj");
    }

    @Test
    void include_conflict_includingFilesDefinitionWins_mergedOverIncluded() throws IOException {
        write("inc.yaml", "services:\n  web: {image: included, init: true}\n");
        write("compose.yaml", "include: [inc.yaml]\nservices:\n  web: {image: local}\n");
        assertThat(((MapNode) load(Map.of()).model().get("services")).get("web").toPlain())
                .isEqualTo(Map.of("image", "local", "init", true));
    }

    @Test
    void include_pathsAreRelativeToTheIncludingProjectDirectory() throws IOException {
        write("lib/inner.yaml", "services:\n  inner: {image: inner}\n");
        write("lib/outer.yaml", "include: [inner.yaml]\n");
        write("conf/compose.yaml", "include: [lib/outer.yaml]\n");
        LoadOptions opts = LoadOptions.defaults(dir, Map.of(), dir).withFiles(java.util.List.of("conf/compose.yaml"))
                .withProjectDirectory(dir);
        assertThat(((MapNode) new ProjectLoader(stages).load(opts).model().get("services")).keys())
                .containsExactly("inner");
    }

    @Test
    void include_envFileDevNull_disablesTheIncludedDotEnv() throws IOException {
        write("lib/svc.yaml", "services:\n  svc: {image: 'x${TAG:-none}'}\n");
        write("lib/.env", "TAG=dotenv\n");
        write("compose.yaml", "include: [{path: lib/svc.yaml, env_file: /dev/null}]\n");
        assertThat(((MapNode) load(Map.of()).model().get("services")).get("svc").toPlain())
                .isEqualTo(Map.of("image", "xnone"));
    }

    @Test
    void include_missingEnvFile_isLocated() throws IOException {
        write("lib/svc.yaml", "services:\n  svc: {image: x}\n");
        Path a = write("compose.yaml", "include: [{path: lib/svc.yaml, env_file: nope.env}]\n");
        assertThatThrownBy(() -> load(Map.of()))
                .hasMessage(a + ":1:42: env file " + dir.resolve("nope.env") + " not found");
    }

    @Test
    void include_malformedPath_isLocatedError() throws IOException {
        Path a = write("compose.yaml", "include: [\"bad\\0name.yaml\"]\n");
        assertThatThrownBy(() -> load(Map.of()))
                .hasMessage(a + ":1:11: \"bad\0name.yaml\" is not a valid path: Nul character not allowed");
    }

    @Test
    void include_recursive() throws IOException {
        write("a/inner.yaml", "services:\n  inner: {image: inner}\n");
        write("a/outer.yaml", "include: [inner.yaml]\nservices:\n  outer: {image: outer}\n");
        write("compose.yaml", "include: [a/outer.yaml]\n");
        assertThat(((MapNode) load(Map.of()).model().get("services")).keys()).containsExactlyInAnyOrder("inner", "outer");
    }

    @Test
    void include_cycle_isReportedWithItsChain() throws IOException {
        Path b = write("b.yaml", "include: [compose.yaml]\nservices:\n  b: {image: b}\n");
        Path a = write("compose.yaml", "include: [b.yaml]\nservices:\n  a: {image: a}\n");
        assertThatThrownBy(() -> load(Map.of()))
                .hasMessage(b + ":1:11: include cycle detected: " + a + " -> " + b + " -> " + a);
    }

    @Test
    void include_missingFile_isLocated() throws IOException {
        Path a = write("compose.yaml", "include: [nope.yaml]\nservices:\n  a: {image: a}\n");
        assertThatThrownBy(() -> load(Map.of()))
                .hasMessage(a + ":1:11: included file " + dir.resolve("nope.yaml") + " not found");
    }

    @Test
    void include_rootDirectory_isLocatedAndSaysItIsAFolder() throws IOException {
        Path a = write("compose.yaml", "include: [/]\nservices:\n  a: {image: a}\n");
        assertThatThrownBy(() -> load(Map.of()))
                .hasMessage(a + ":1:11: included file / is a folder, not a file");
    }
}
