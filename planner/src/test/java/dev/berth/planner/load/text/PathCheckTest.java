package dev.berth.planner.load.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PathCheckTest {

    @TempDir
    Path dir;

    @Test
    void problem_regularFile_isNone_alsoThroughASymbolicLink() throws IOException {
        Path file = Files.writeString(dir.resolve("compose.yaml"), "");
        Path link = Files.createSymbolicLink(dir.resolve("link.yaml"), file);
        assertThat(PathCheck.problem(file)).isEmpty();
        assertThat(PathCheck.problem(link)).isEmpty();
    }

    @Test
    void problem_missing_saysNoSuchFile() {
        assertThat(PathCheck.problem(dir.resolve("nope.yaml"))).contains("no such file");
        assertThat(PathCheck.missing(PathCheck.problem(dir.resolve("nope.yaml")))).isTrue();
    }

    @Test
    void problem_danglingSymbolicLink_isMissing() throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("link.yaml"), dir.resolve("gone.yaml"));
        assertThat(PathCheck.problem(link)).contains("no such file");
    }

    @Test
    void problem_folder_saysItIsAFolder() {
        assertThat(PathCheck.problem(dir)).contains("is a folder, not a file");
        assertThat(PathCheck.missing(PathCheck.problem(dir))).isFalse();
    }

    @Test
    void problem_device_saysWhichKind() {
        assertThat(PathCheck.problem(Path.of("/dev/zero"))).contains("is a character device, not a regular file");
    }

    @Test
    void problem_symbolicLinkLoop_saysItIsALoop() throws IOException {
        Path one = dir.resolve("one.yaml");
        Path two = dir.resolve("two.yaml");
        Files.createSymbolicLink(one, two);
        Files.createSymbolicLink(two, one);
        assertThat(PathCheck.problem(one)).contains("is a symbolic link loop (too many levels of symbolic links)");
    }
}
