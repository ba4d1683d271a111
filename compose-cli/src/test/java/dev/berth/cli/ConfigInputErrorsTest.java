package dev.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code berth config} says about input it cannot use (too large, not UTF-8, not a file,
 * nested too deep): exit 1 and one exact line, never a stack trace; and that large but valid input
 * loads.
 */
class ConfigInputErrorsTest {

    private static final String NESTED = "${A:-".repeat(2000) + "x" + "}".repeat(2000);

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    private BerthRun run(String... args) {
        return BerthRun.run(dir, args);
    }

    private BerthRun runWithStdin(Supplier<InputStream> stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ProcessContext process = new ProcessContext(Map.of(), dir, Path.of("/home/user"), stdin);
        int code = Main.run(process, new PrintWriter(out), new PrintWriter(err), args);
        return new BerthRun(code, out.toString(), err.toString());
    }

    private static void assertOneLine(BerthRun run, String line) {
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo(line + "\n");
    }

    @Test
    void config_threeGigabyteFile_isRefusedWithItsSizeAndTheLimit() throws IOException {
        Path file = dir.resolve("compose.yaml");
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(3L * 1024 * 1024 * 1024);
        }
        assertOneLine(run("config", "-q"), file + ": the file is 3221225472 bytes, more than the 33554432 bytes"
                + " (32 MiB) a stack file may have; split it into several files (several -f, include)");
    }

    @Test
    void config_endlessStandardInput_stopsAtTheLimit() {
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 'y';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                Arrays.fill(b, off, off + len, (byte) 'y');
                return len;
            }
        };
        assertOneLine(runWithStdin(() -> endless, "config", "-q", "-f", "-"), "-: standard input has more than the"
                + " 33554432 bytes (32 MiB) a stack file may have; split it into several files (several -f, include)");
    }

    @Test
    void config_deviceFile_saysItIsADevice() {
        assertOneLine(run("config", "-q", "-f", "/dev/zero"),
                "/dev/zero: is a character device, not a regular file; check the -f option or COMPOSE_FILE");
    }

    @Test
    void config_folder_saysItIsAFolder() throws IOException {
        Files.createDirectory(dir.resolve("stack"));
        assertOneLine(run("config", "-q", "-f", "stack"),
                dir.resolve("stack") + ": is a folder, not a file; check the -f option or COMPOSE_FILE");
    }

    @Test
    void config_symbolicLinkLoop_saysItIsALoop() throws IOException {
        Files.createSymbolicLink(dir.resolve("a.yaml"), dir.resolve("b.yaml"));
        Files.createSymbolicLink(dir.resolve("b.yaml"), dir.resolve("a.yaml"));
        assertOneLine(run("config", "-q", "-f", "a.yaml"), dir.resolve("a.yaml")
                + ": is a symbolic link loop (too many levels of symbolic links); check the -f option or COMPOSE_FILE");
    }

    @Test
    void config_invalidUtf8_givesLineAndColumn() throws IOException {
        Path file = Files.write(dir.resolve("compose.yaml"),
                new byte[] {'s', 'e', 'r', 'v', 'i', 'c', 'e', 's', ':', ' ', (byte) 0xFE, '\n'});
        assertOneLine(run("config", "-q"),
                file + ":1:11: the stack file is not valid UTF-8 (byte 0xFE); save it as UTF-8");
    }

    @Test
    void config_nulByte_givesLineAndColumn() throws IOException {
        Path file = write("compose.yaml", "services:\n  web:\n    image: \"a\u0000\"\n");
        assertOneLine(run("config", "-q"),
                file + ":3:14: invalid YAML: the character U+0000 (NULL) is not allowed in YAML; remove it");
    }

    @Test
    void config_dotEnvNotUtf8_namesTheFileLineAndEncoding() throws IOException {
        write("compose.yaml", "services:\n  web: {image: busybox}\n");
        Path env = Files.write(dir.resolve(".env"), new byte[] {'T', 'A', 'G', '=', (byte) 0xE9, '\n'});
        assertOneLine(run("config", "-q"), env + ":1:5: the env file is not valid UTF-8 (byte 0xE9); save it as UTF-8");
    }

    @Test
    void config_templatesNestedTwoThousandDeep_isOneLocatedLine() throws IOException {
        Path file = write("compose.yaml", "services:\n  web:\n    image: \"" + NESTED + "\"\n");
        assertOneLine(run("config", "-q"), file + ":3:12: variable substitutions nest more than 100 levels deep"
                + " (${A:-${B:-...}}); use fewer levels");
    }

    @Test
    void config_templatesNestedTwoThousandDeepInAnEnvFile_isOneLocatedLine() throws IOException {
        write("compose.yaml", "services:\n  web: {image: busybox}\n");
        Path env = write("deep.env", "OK=1\nDEEP=\"" + NESTED + "\"\n");
        assertOneLine(run("config", "-q", "--env-file", "deep.env"), env + ":2: variable substitutions nest more"
                + " than 100 levels deep (${A:-${B:-...}}); use fewer levels");
    }

    @Test
    void config_extendsChainOfThreeThousand_loads() throws IOException {
        StringBuilder yaml = new StringBuilder("services:\n  s0: {image: busybox}\n");
        for (int i = 1; i <= 3000; i++) {
            yaml.append("  s").append(i).append(": {extends: s").append(i - 1).append("}\n");
        }
        write("compose.yaml", yaml.toString());
        BerthRun run = run("config", "--images");
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out().lines().distinct().toList()).isEqualTo(List.of("busybox"));
    }

    @Test
    void config_eightMegabyteString_loads() throws IOException {
        write("compose.yaml", "services:\n  web:\n    image: busybox\n    labels:\n      big: \""
                + "x".repeat(8 * 1024 * 1024) + "\"\n");
        BerthRun run = run("config", "-q");
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
    }

    @Test
    void config_errorEscapingBerth_isAnInternalErrorInTwoLines_notAStackTrace() {
        BerthRun run = runWithStdin(() -> {
            throw new StackOverflowError();
        }, "config", "-q", "-f", "-");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("berth: internal error (please report it): java.lang.StackOverflowError\n"
                + "run again with --debug to see where it happened\n");
    }
}
