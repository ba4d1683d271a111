package dev.berth.engine.runtime;

import dev.berth.engine.core.LogSink;
import dev.berth.engine.core.LogEntry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.engine.core.EngineException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The json-file log reader on files written by the test: order, rotation, decoding and errors. */
class JsonFileLogTest {

    @TempDir
    Path dir;

    /** Collects what the reader passes on. */
    private static final class Collected implements LogSink {
        final List<String> texts = new ArrayList<>();

        @Override
        public void entry(LogEntry entry) {
            texts.add(entry.stream() + ":" + entry.log());
        }

        @Override
        public void caughtUp() {
        }
    }

    /** Runs one change to the files per poll of the reader, then says the writer has ended. */
    private static BooleanSupplier writerDoing(Runnable... changes) {
        Deque<Runnable> left = new ArrayDeque<>(List.of(changes));
        return () -> {
            Runnable next = left.poll();
            if (next == null) {
                return true;
            }
            next.run();
            return false;
        };
    }

    private static String entry(String text) {
        return "{\"log\":\"" + text + "\\n\",\"stream\":\"stdout\",\"time\":\"2026-01-02T03:04:05.5Z\"}\n";
    }

    private Path log() {
        return dir.resolve("c-json.log");
    }

    private void append(Path file, String text) {
        try {
            Files.writeString(file, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void rotate() {
        try {
            Files.move(log(), dir.resolve("c-json.log.1"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonFileLog reader(int maxFile) {
        return new JsonFileLog(log(), maxFile, dir.resolve(JsonFileLog.WARNING_FILE));
    }

    @Test
    void read_givesTheRotatedFilesOldestFirst_thenTheCurrentOne() {
        append(dir.resolve("c-json.log.2"), entry("one"));
        append(dir.resolve("c-json.log.1"), entry("two"));
        append(log(), entry("three") + entry("four"));
        Collected got = new Collected();

        reader(3).read(got);

        assertThat(got.texts).containsExactly("stdout:one\n", "stdout:two\n", "stdout:three\n", "stdout:four\n");
    }

    @Test
    void read_leavesALineWithoutItsNewline_forTheNextRead() {
        append(log(), entry("done") + "{\"log\":\"half");
        Collected got = new Collected();

        reader(1).read(got);

        assertThat(got.texts).containsExactly("stdout:done\n");
    }

    @Test
    void read_ofRawBytesThatAreNotUtf8_asAnOlderLauncherWroteThem_givesReplacementCharacters() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        line.writeBytes("{\"log\":\"a".getBytes(StandardCharsets.UTF_8));
        line.write(0xff);
        line.writeBytes("b\\n\",\"stream\":\"stderr\",\"time\":\"t\"}\n".getBytes(StandardCharsets.UTF_8));
        Files.write(log(), line.toByteArray());
        Collected got = new Collected();

        reader(1).read(got);

        assertThat(got.texts).containsExactly("stderr:a\uFFFDb\n");
    }

    @Test
    void read_ofALineThatIsNotAnEntry_namesTheFileAndTheLine() {
        append(log(), entry("fine") + "not json\n");

        assertThatThrownBy(() -> reader(1).read(new Collected()))
                .isInstanceOf(EngineException.class)
                .hasMessageStartingWith("cannot read the container log " + log() + ": line 2 is not a json-file entry (");
    }

    @Test
    void follow_goesOnInTheNewFile_whenTheLogIsRotated() {
        append(log(), entry("before"));
        Collected got = new Collected();

        reader(2).follow(got, writerDoing(
                () -> { },
                () -> {
                    rotate();
                    append(log(), entry("after"));
                },
                () -> append(log(), entry("later"))));

        assertThat(got.texts).containsExactly("stdout:before\n", "stdout:after\n", "stdout:later\n");
    }

    @Test
    void follow_startsTheFileOver_whenItIsTruncatedByARotationWithOneFile() throws IOException {
        append(log(), entry("first long entry") + entry("second long entry"));
        Collected got = new Collected();

        // the reader polls twice before its first read: the file is cut after that read
        reader(1).follow(got, writerDoing(
                () -> { },
                () -> { },
                () -> {
                    try {
                        Files.writeString(log(), entry("new"), StandardOpenOption.TRUNCATE_EXISTING);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }));

        assertThat(got.texts).containsExactly("stdout:first long entry\n", "stdout:second long entry\n", "stdout:new\n");
    }

    @Test
    void follow_waitsForTheLogToAppear() {
        Collected got = new Collected();

        reader(1).follow(got, writerDoing(() -> { }, () -> append(log(), entry("hello"))));

        assertThat(got.texts).containsExactly("stdout:hello\n");
    }

    @Test
    void warning_isTheMonitorsRecord_andAbsentWithoutOne() {
        assertThat(reader(1).warning()).isEmpty();
        append(dir.resolve(JsonFileLog.WARNING_FILE), "{\"error\":\"cannot write to the log x: No space left on device\","
                + "\"lostEntries\":3}\n");

        assertThat(reader(1).warning()).contains(
                new JsonFileLog.Warning("cannot write to the log x: No space left on device", 3));
    }
}
