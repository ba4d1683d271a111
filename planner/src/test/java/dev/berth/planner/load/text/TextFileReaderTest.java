package dev.berth.planner.load.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import dev.berth.planner.StackException;
import dev.berth.planner.load.text.TextFileReader.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextFileReaderTest {

    private static final long LIMIT = 32L * 1024 * 1024;

    @TempDir
    Path dir;

    /** A file of {@code size} bytes that takes no disk space (a sparse file: every byte is zero). */
    private Path sparse(String name, long size) throws IOException {
        Path file = dir.resolve(name);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(size);
        }
        return file;
    }

    /** A stream that never ends, as {@code yes | berth -f -} gives. */
    private static InputStream endless() {
        return new InputStream() {
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
    }

    @Test
    void read_utf8File_givesItsText() throws IOException {
        Path file = Files.writeString(dir.resolve("compose.yaml"), "name: caf\u00e9 \u2615\n");
        assertThat(TextFileReader.read(file, Kind.STACK_FILE)).isEqualTo("name: caf\u00e9 \u2615\n");
    }

    @Test
    void read_fileOfExactlyTheLimit_loads() throws IOException {
        Path file = sparse("compose.yaml", LIMIT);
        assertThat(TextFileReader.read(file, Kind.STACK_FILE)).hasSize((int) LIMIT);
    }

    @Test
    void read_stackFileOverTheLimit_namesTheFileItsSizeTheLimitAndTheFix() throws IOException {
        Path file = sparse("compose.yaml", LIMIT + 1);
        assertThatThrownBy(() -> TextFileReader.read(file, Kind.STACK_FILE))
                .isInstanceOf(StackException.class)
                .hasMessage(file + ": the file is 33554433 bytes, more than the 33554432 bytes (32 MiB) a stack file"
                        + " may have; split it into several files (several -f, include)");
    }

    @Test
    void read_threeGigabyteFile_isRefusedBeforeReading() throws IOException {
        Path file = sparse("compose.yaml", 3L * 1024 * 1024 * 1024);
        assertThatThrownBy(() -> TextFileReader.read(file, Kind.STACK_FILE))
                .hasMessage(file + ": the file is 3221225472 bytes, more than the 33554432 bytes (32 MiB) a stack file"
                        + " may have; split it into several files (several -f, include)");
    }

    @Test
    void read_envFileOverTheLimit_saysItIsAnEnvFile() throws IOException {
        Path file = sparse(".env", LIMIT + 1);
        assertThatThrownBy(() -> TextFileReader.read(file, Kind.ENV_FILE))
                .hasMessage(file + ": the file is 33554433 bytes, more than the 33554432 bytes (32 MiB) an env file"
                        + " may have; keep large data in files rather than in variables");
    }

    @Test
    void read_endlessStream_stopsAtTheLimit() {
        assertThatThrownBy(() -> TextFileReader.read(endless(), "-", Kind.STACK_FILE))
                .hasMessage("-: standard input has more than the 33554432 bytes (32 MiB) a stack file may have;"
                        + " split it into several files (several -f, include)");
    }

    @Test
    void read_invalidUtf8_givesTheLineAndColumnOfTheByte() throws IOException {
        Path file = Files.write(dir.resolve("compose.yaml"),
                bytes("services:\n  web:\n    image: \"caf\u00e9", 0xFF, "x\"\n"));
        assertThatThrownBy(() -> TextFileReader.read(file, Kind.STACK_FILE))
                .hasMessage(file + ":3:17: the stack file is not valid UTF-8 (byte 0xFF); save it as UTF-8");
    }

    @Test
    void read_truncatedSequenceAtTheEnd_isLocatedToo() throws IOException {
        Path file = Files.write(dir.resolve("compose.yaml"), bytes("a: b", 0xC3));
        assertThatThrownBy(() -> TextFileReader.read(file, Kind.STACK_FILE))
                .hasMessage(file + ":1:5: the stack file is not valid UTF-8 (byte 0xC3); save it as UTF-8");
    }

    @Test
    void read_envFileNotUtf8_namesTheFileAndTheLine() throws IOException {
        Path file = Files.write(dir.resolve(".env"), bytes("A=1\nB=", 0xE9, "t\u00e9\n"));
        assertThatThrownBy(() -> TextFileReader.read(file, Kind.ENV_FILE))
                .hasMessage(file + ":2:3: the env file is not valid UTF-8 (byte 0xE9); save it as UTF-8");
    }

    @Test
    void read_standardInputNotUtf8_isNamedDash() {
        InputStream in = new ByteArrayInputStream(bytes("a: ", 0x80, "\n"));
        assertThatThrownBy(() -> TextFileReader.read(in, "-", Kind.STACK_FILE))
                .hasMessage("-:1:4: standard input is not valid UTF-8 (byte 0x80); save it as UTF-8");
    }

    /** Text and single bytes, in order, as UTF-8 bytes. */
    private static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            if (part instanceof String s) {
                out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
            } else {
                out.write((Integer) part);
            }
        }
        return out.toByteArray();
    }
}
