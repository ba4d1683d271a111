package dev.berth.planner.load.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InterpolationEnvironmentTest {

    @TempDir
    Path dir;

    @Test
    void load_osEnvironmentWinsOverDotEnv_evenInsideDotEnvReferences() throws IOException {
        Files.writeString(dir.resolve(".env"), "FOO=foo\nBAR=${FOO}\nONLY=dot\n");
        var env = InterpolationEnvironment.load(Map.of("FOO", "zot"), List.of(), List.of(dir));
        assertThat(env.get("FOO")).isEqualTo("zot");
        assertThat(env.get("BAR")).isEqualTo("zot");
        assertThat(env.get("ONLY")).isEqualTo("dot");
    }

    @Test
    void load_envFiles_replaceDefaultDotEnv_laterFileWins() throws IOException {
        Files.writeString(dir.resolve(".env"), "DEFAULT=yes\n");
        Path a = Files.writeString(dir.resolve("a.env"), "X=a\nY=a\n");
        Path b = Files.writeString(dir.resolve("b.env"), "Y=b\nZ=${X}\n");
        var env = InterpolationEnvironment.load(Map.of(), List.of(a, b), List.of(dir));
        assertThat(env.variables()).isEqualTo(Map.of("X", "a", "Y", "b", "Z", "a"));
    }

    @Test
    void load_missingEnvFile_isError() {
        Path missing = dir.resolve("nope.env");
        assertThatThrownBy(() -> InterpolationEnvironment.load(Map.of(), List.of(missing), List.of(dir)))
                .hasMessage("couldn't find env file: " + missing + " (check the --env-file option)");
    }

    @Test
    void load_disableEnvFile_ignoresDefaultDotEnv() throws IOException {
        Files.writeString(dir.resolve(".env"), "FOO=foo\n");
        var env = InterpolationEnvironment.load(Map.of("COMPOSE_DISABLE_ENV_FILE", "true"), List.of(), List.of(dir));
        assertThat(env.get("FOO")).isNull();
    }

    @Test
    void load_severalDotEnvDirs_earlierValueIsNeverOverwritten() throws IOException {
        Path sub = Files.createDirectory(dir.resolve("project"));
        Files.writeString(dir.resolve(".env"), "A=cwd\n");
        Files.writeString(sub.resolve(".env"), "A=project\nB=project\n");
        var env = InterpolationEnvironment.load(Map.of(), List.of(), List.of(dir, sub));
        assertThat(env.variables()).isEqualTo(Map.of("A", "cwd", "B", "project"));
    }

    @Test
    void load_dotEnvMaySetComposeVariables() throws IOException {
        Files.writeString(dir.resolve(".env"), "COMPOSE_PROJECT_NAME=demo\nCOMPOSE_PROFILES=a,b\nCOMPOSE_FILE=x.yaml\n");
        var env = InterpolationEnvironment.load(Map.of(), List.of(), List.of(dir));
        assertThat(env.get("COMPOSE_PROJECT_NAME")).isEqualTo("demo");
        assertThat(env.get("COMPOSE_PROFILES")).isEqualTo("a,b");
        assertThat(env.get("COMPOSE_FILE")).isEqualTo("x.yaml");
    }

    @Test
    void load_envFileThatIsAFolder_saysSo() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("env.d"));
        assertThatThrownBy(() -> InterpolationEnvironment.load(Map.of(), List.of(folder), List.of(dir)))
                .hasMessage(folder + ": is a folder, not a file (check the --env-file option)");
    }

    @Test
    void load_dotEnvFolder_isNoDotEnv_asInCompose() throws IOException {
        Files.createDirectory(dir.resolve(".env"));
        assertThat(InterpolationEnvironment.load(Map.of("A", "1"), List.of(), List.of(dir)).variables())
                .isEqualTo(Map.of("A", "1"));
    }

    @Test
    void load_dotEnvSymbolicLinkLoop_isAnError() throws IOException {
        Files.createSymbolicLink(dir.resolve(".env"), dir.resolve("other"));
        Files.createSymbolicLink(dir.resolve("other"), dir.resolve(".env"));
        assertThatThrownBy(() -> InterpolationEnvironment.load(Map.of(), List.of(), List.of(dir)))
                .hasMessage(dir.resolve(".env") + ": is a symbolic link loop (too many levels of symbolic links)"
                        + " (berth reads the .env file of the project folder; set COMPOSE_DISABLE_ENV_FILE=1 to skip it)");
    }

    @Test
    void load_dotEnvNotUtf8_namesTheFileAndLine() throws IOException {
        Files.write(dir.resolve(".env"), new byte[] {'A', '=', '1', '\n', 'B', '=', (byte) 0xFF, '\n'});
        assertThatThrownBy(() -> InterpolationEnvironment.load(Map.of(), List.of(), List.of(dir)))
                .hasMessage(dir.resolve(".env") + ":2:3: the env file is not valid UTF-8 (byte 0xFF); save it as UTF-8");
    }
}
