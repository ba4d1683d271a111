package dev.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code berth} as a process ({@code java -jar target/berth.jar}): {@link Main#main} ends a
 * {@code config} run by halting once its output is flushed, and everything it printed arrives,
 * also when it is more than the streams buffer, with the right exit code.
 */
class MainProcessIT {

    private static final Path JAR = Path.of("target", "berth.jar").toAbsolutePath();

    private Path project;

    @BeforeEach
    void createProject() throws IOException {
        project = Files.createTempDirectory("berth-main-it");
        StringBuilder yaml = new StringBuilder("name: big\nservices:\n");
        for (int i = 0; i < 200; i++) {
            yaml.append("  svc").append(i).append(":\n    image: busybox\n    environment: {ID: \"")
                    .append(i).append("\"}\n    ports: [\"").append(10000 + i).append(":80\"]\n");
        }
        Files.writeString(project.resolve("compose.yaml"), yaml);
        Files.writeString(project.resolve("broken.yaml"), "services:\n  web:\n    image: a\n    portz: [80]\n");
    }

    @AfterEach
    void removeProject() throws IOException {
        for (String name : List.of("compose.yaml", "broken.yaml")) {
            Files.deleteIfExists(project.resolve(name));
        }
        Files.delete(project);
    }

    @Test
    void config_printsAllOfALargeModel_asInProcess() throws Exception {
        Result process = berth("config", "--format", "json");
        BerthRun inProcess = BerthRun.run(project, "config", "--format", "json");

        assertThat(process.exitCode()).isZero();
        assertThat(process.out()).hasSizeGreaterThan(20_000).isEqualTo(inProcess.out());
        assertThat(process.err()).isEmpty();
    }

    @Test
    void config_ofABrokenFile_exitsOneWithTheErrorLine() throws Exception {
        Result process = berth("config", "-q", "-f", "broken.yaml");

        assertThat(process.exitCode()).isEqualTo(1);
        assertThat(process.out()).isEmpty();
        assertThat(process.err()).isEqualTo(project.resolve("broken.yaml")
                + ":4:5: services.web: unknown key \"portz\"; did you mean \"ports\"?\n");
    }

    private record Result(int exitCode, String out, String err) {
    }

    private Result berth(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("berth-main-it", ".out");
        Path err = Files.createTempFile("berth-main-it", ".err");
        try {
            Process process = new ProcessBuilder(command).directory(project.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("berth ends within a minute").isTrue();
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
