package dev.berth.cli.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.berth.cli.Main;
import dev.berth.cli.ProcessContext;

/**
 * {@code berth engine run} with values Docker refuses at create: exit 125 and Docker's message,
 * and no container or volume left. Nothing is started, so these run without the launcher running.
 */
class RunRefusalsTest {

    @TempDir
    Path dir;

    record Result(int exit, String out, String err) {
    }

    @BeforeEach
    void importBusybox() throws IOException {
        Path rootfs = dir.resolve("rootfs.tar");
        BusyboxRootfs.write(rootfs, "sh");
        Result imported = berth("image", "import", rootfs.toString(), "bb");
        assertThat(imported.exit()).as(imported.err()).isZero();
    }

    private Result berth(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> full = new ArrayList<>(List.of("engine", "--data-root", dir.resolve("data").toString()));
        full.addAll(List.of(args));
        int exit = Main.run(ProcessContext.current(), new PrintWriter(out), new PrintWriter(err),
                full.toArray(String[]::new));
        return new Result(exit, out.toString(), err.toString());
    }

    private void assertRefused(String message, String... runArgs) throws IOException {
        List<String> args = new ArrayList<>(List.of("run", "--rm"));
        args.addAll(List.of(runArgs));
        args.addAll(List.of("bb", "true"));

        Result run = berth(args.toArray(String[]::new));

        assertThat(run.exit()).isEqualTo(125);
        assertThat(run.err()).isEqualTo("berth: " + message + "\n");
        assertThat(run.out()).isEmpty();
        assertThat(berth("ps", "-a", "-q").out()).isEmpty();
        assertThat(berth("volume", "ls", "-q").out()).isEmpty();
        try (var containers = Files.list(dir.resolve("data/containers"))) {
            assertThat(containers.map(p -> p.getFileName().toString())).as("container folders")
                    .containsOnly(".lock");
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"bad name!", "../../etc", "a/b:c"})
    void name_thatDockerRefuses_is125(String name) throws IOException {
        assertRefused("Invalid container name (" + name + "), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed",
                "--name", name);
    }

    @Test
    void relativeWorkdir_is125() throws IOException {
        assertRefused("the working directory 'relative' is invalid, it needs to be an absolute path", "-w", "relative");
    }

    @Test
    void envWithoutAName_is125() throws IOException {
        assertRefused("invalid environment variable: =x", "-e", "=x");
    }

    @Test
    void bindMountOverProc_is125_andNoVolumeIsMade() throws IOException {
        assertRefused("error mounting \"/tmp\" to rootfs at \"/proc\": \"/proc\" cannot be mounted because it is not"
                + " of type proc", "-v", "named:/data", "-v", "/tmp:/proc");
    }

    @Test
    void volumeInsideProc_is125() throws IOException {
        assertRefused("error mounting \"anonymous volume\" to rootfs at \"/proc/sys/kernel\": \"/proc/sys/kernel\""
                + " cannot be mounted because it is inside /proc", "-v", "/proc/sys/kernel");
    }
}
