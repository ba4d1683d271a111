package dev.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code berth} as a process ({@code java -jar target/berth.jar}): {@link Main#main} ends a
 * {@code config} run by halting once its output is flushed, and everything it printed arrives,
 * also when it is more than the streams buffer, with the right exit code; input the process alone
 * can give (an endless standard input, a folder it may not search) is one error line.
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
        Path locked = project.resolve("locked");
        if (Files.exists(locked)) {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
            Files.deleteIfExists(locked.resolve("compose.yaml"));
            Files.delete(locked);
        }
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

    @Test
    void config_fromAnEndlessStandardInput_stopsAtTheLimit_inASmallHeap() throws Exception {
        Result process = run(List.of(), List.of("-Xmx96m"), Path.of("/dev/zero"), "config", "-q", "-f", "-");

        assertThat(process.exitCode()).isEqualTo(1);
        assertThat(process.err()).isEqualTo("-: standard input has more than the 33554432 bytes (32 MiB) a stack file"
                + " may have; split it into several files (several -f, include)\n");
    }

    @Test
    void config_inAFolderItMayNotSearch_saysPermissionDenied() throws Exception {
        Path locked = Files.createDirectory(project.resolve("locked"));
        Files.writeString(locked.resolve("compose.yaml"), "services:\n  web: {image: busybox}\n");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        // Root searches any folder; without the two capabilities that let it, it is refused as any user.
        List<String> withoutDacCapabilities = List.of("setpriv", "--inh-caps=-dac_override,-dac_read_search",
                "--bounding-set=-dac_override,-dac_read_search");

        Result process = run(withoutDacCapabilities, List.of(), null, "config", "-q", "-f", "locked/compose.yaml");

        assertThat(process.exitCode()).isEqualTo(1);
        assertThat(process.err()).isEqualTo(locked.resolve("compose.yaml") + ": cannot be reached: permission denied"
                + " on a folder of its path; check the -f option or COMPOSE_FILE\n");
    }

    private record Result(int exitCode, String out, String err) {
    }

    private Result berth(String... args) throws Exception {
        return run(List.of(), List.of(), null, args);
    }

    /** Runs the jar under {@code wrapper}, with {@code jvmFlags}, standard input from {@code stdin} if not null. */
    private Result run(List<String> wrapper, List<String> jvmFlags, Path stdin, String... args) throws Exception {
        List<String> command = new ArrayList<>(wrapper);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmFlags);
        command.addAll(List.of("-jar", JAR.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("berth-main-it", ".out");
        Path err = Files.createTempFile("berth-main-it", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            if (stdin != null) {
                builder.redirectInput(stdin.toFile());
            }
            Process process = builder.start();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("berth ends within a minute").isTrue();
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
