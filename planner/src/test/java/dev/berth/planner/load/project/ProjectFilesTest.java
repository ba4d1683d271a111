package dev.berth.planner.load.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectFilesTest {

    @TempDir
    Path dir;

    private final List<String> warnings = new ArrayList<>();

    private List<String> resolve(List<String> files, Path from, Map<String, String> env) {
        return ProjectFiles.resolve(files, from, env, warnings::add).stream().map(ConfigFile::name).toList();
    }

    @Test
    void resolve_defaultName_foundByWalkingUp_withItsOverride() throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), "");
        Files.writeString(dir.resolve("compose.override.yaml"), "");
        Path deep = Files.createDirectories(dir.resolve("a/b"));
        assertThat(resolve(List.of(), deep, Map.of())).containsExactly(
                dir.resolve("compose.yaml").toString(), dir.resolve("compose.override.yaml").toString());
        assertThat(warnings).isEmpty();
    }

    @Test
    void resolve_severalDefaultNames_firstWinsWithWarning() throws IOException {
        Files.writeString(dir.resolve("docker-compose.yml"), "");
        Files.writeString(dir.resolve("compose.yaml"), "");
        assertThat(resolve(List.of(), dir, Map.of())).containsExactly(dir.resolve("compose.yaml").toString());
        assertThat(warnings).containsExactly("Found multiple config files with supported names: "
                + dir.resolve("compose.yaml") + ", " + dir.resolve("docker-compose.yml")
                + "\nUsing " + dir.resolve("compose.yaml"));
    }

    @Test
    void resolve_nothingFound_isComposeError() {
        assertThatThrownBy(() -> resolve(List.of(), Path.of("/"), Map.of()))
                .hasMessage("no configuration file provided: not found (looked for compose.yaml, compose.yml, "
                        + "docker-compose.yml, docker-compose.yaml in / and its parents; name one with -f)");
    }

    @Test
    void resolve_explicitFiles_relativeToWorkingDir_andDashIsStdin() throws IOException {
        Files.writeString(dir.resolve("a.yaml"), "");
        assertThat(resolve(List.of("a.yaml", "-"), dir, Map.of())).containsExactly(dir.resolve("a.yaml").toString(), "-");
    }

    @Test
    void resolve_missingExplicitFile_isError() {
        assertThatThrownBy(() -> resolve(List.of("nope.yaml"), dir, Map.of()))
                .hasMessage(dir.resolve("nope.yaml") + ": no such file; check the -f option or COMPOSE_FILE");
    }

    @Test
    void resolve_composeFile_splitOnPathSeparator() throws IOException {
        Files.writeString(dir.resolve("a.yaml"), "");
        Files.writeString(dir.resolve("b.yaml"), "");
        assertThat(resolve(List.of(), dir, Map.of("COMPOSE_FILE", "a.yaml:b.yaml")))
                .containsExactly(dir.resolve("a.yaml").toString(), dir.resolve("b.yaml").toString());
        assertThat(resolve(List.of(), dir, Map.of("COMPOSE_FILE", "a.yaml;b.yaml", "COMPOSE_PATH_SEPARATOR", ";")))
                .containsExactly(dir.resolve("a.yaml").toString(), dir.resolve("b.yaml").toString());
    }

    @Test
    void resolve_composeFileWithOnlySeparators_fallsBackToDefaultNames() throws IOException {
        Files.writeString(dir.resolve("compose.yml"), "");
        assertThat(resolve(List.of(), dir, Map.of("COMPOSE_FILE", "::"))).containsExactly(dir.resolve("compose.yml").toString());
    }

    @Test
    void resolve_explicitFilesWinOverComposeFile() throws IOException {
        Files.writeString(dir.resolve("a.yaml"), "");
        assertThat(resolve(List.of("a.yaml"), dir, Map.of("COMPOSE_FILE", "b.yaml")))
                .containsExactly(dir.resolve("a.yaml").toString());
    }

    @Test
    void resolve_explicitFolder_saysItIsAFolder() throws IOException {
        Files.createDirectory(dir.resolve("stack.yaml"));
        assertThatThrownBy(() -> resolve(List.of("stack.yaml"), dir, Map.of()))
                .hasMessage(dir.resolve("stack.yaml") + ": is a folder, not a file; check the -f option or COMPOSE_FILE");
    }

    @Test
    void resolve_explicitDevice_saysItIsADevice() {
        assertThatThrownBy(() -> resolve(List.of("/dev/zero"), dir, Map.of()))
                .hasMessage("/dev/zero: is a character device, not a regular file; check the -f option or COMPOSE_FILE");
    }

    @Test
    void resolve_explicitSymbolicLinkLoop_saysItIsALoop() throws IOException {
        Files.createSymbolicLink(dir.resolve("a.yaml"), dir.resolve("b.yaml"));
        Files.createSymbolicLink(dir.resolve("b.yaml"), dir.resolve("a.yaml"));
        assertThatThrownBy(() -> resolve(List.of("a.yaml"), dir, Map.of()))
                .hasMessage(dir.resolve("a.yaml") + ": is a symbolic link loop (too many levels of symbolic links);"
                        + " check the -f option or COMPOSE_FILE");
    }

    @Test
    void resolve_defaultNameThatIsAFolder_isTakenAsComposeDoes_andSaysWhatItIs() throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), "");
        Path deep = Files.createDirectories(dir.resolve("a/compose.yaml"));
        assertThatThrownBy(() -> resolve(List.of(), deep.getParent(), Map.of()))
                .hasMessage(deep + ": is a folder, not a file (found by its default stack file name;"
                        + " rename it, or name a stack file with -f)");
    }
}
