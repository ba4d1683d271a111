package dev.berth.engine.runtime;

import dev.berth.engine.core.LogsReport;
import dev.berth.engine.core.LogsOptions;
import dev.berth.engine.core.LogSink;
import dev.berth.engine.core.LogEntry;
import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.berth.engine.runtime.launch.LaunchFailedException;
import dev.berth.engine.runtime.launch.LogOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The monitor's json-file log: content, escaping and rotation, as Docker writes it, and the
 * failures to open or write it, which are reported rather than lost quietly.
 */
class LogIT {

    /** Go's RFC3339Nano, as Docker writes it: trailing zeros of the fraction left out. */
    private static final String TIME = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{0,8}[1-9])?Z";

    @RegisterExtension
    final RuntimeFixture fx = new RuntimeFixture();

    @Test
    void log_holdsOneJsonObjectPerLine_withStreamAndNanosecondTime_escapedAsDocker() throws Exception {
        String id = fx.run(fx.options("sh", "-c", "echo 'say \"hi\" \\ ok'; echo err >&2; printf 'tab\\there\\001'")
                .build());
        List<String> lines = Files.readAllLines(fx.dataRoot.resolve("containers/" + id + "/" + id + "-json.log"));
        assertThat(lines).hasSize(3);
        assertThat(lines).anyMatch(l -> l.matches(
                "\\{\"log\":\"say \\\\\"hi\\\\\" \\\\\\\\ ok\\\\n\",\"stream\":\"stdout\",\"time\":\"" + TIME + "\"}"));
        assertThat(lines).anyMatch(l -> l.matches("\\{\"log\":\"err\\\\n\",\"stream\":\"stderr\",\"time\":\"" + TIME + "\"}"));
        assertThat(lines).anyMatch(l -> l.matches(
                "\\{\"log\":\"tab\\\\u0009here\\\\u0001\",\"stream\":\"stdout\",\"time\":\"" + TIME + "\"}"));
        assertThat(fx.runtime.logs(id)).extracting(LogEntry::stream, LogEntry::log)
                .containsExactlyInAnyOrder(
                        tuple("stdout", "say \"hi\" \\ ok\n"),
                        tuple("stderr", "err\n"),
                        tuple("stdout", "tab\there\u0001"));
    }

    @Test
    void log_rotatesByMaxSize_keepingMaxFileFiles() throws Exception {
        String id = fx.run(fx.options("sh", "-c", "for i in $(seq 1 60); do echo line $i; done")
                .log(LogOptions.parse(java.util.Map.of("max-size", "300", "max-file", "3"))).build());
        Path log = fx.dataRoot.resolve("containers/" + id + "/" + id + "-json.log");
        assertThat(log).exists();
        assertThat(log.resolveSibling(log.getFileName() + ".1")).exists();
        assertThat(log.resolveSibling(log.getFileName() + ".2")).exists();
        assertThat(log.resolveSibling(log.getFileName() + ".3")).doesNotExist();
        for (String suffix : List.of("", ".1", ".2")) {
            assertThat(Files.size(log.resolveSibling(log.getFileName() + suffix))).isLessThanOrEqualTo(300);
        }
        List<String> kept = fx.runtime.logs(id).stream().map(LogEntry::log).toList();
        int first = 61 - kept.size();
        assertThat(first).isGreaterThan(1);
        assertThat(kept).isEqualTo(IntStream.rangeClosed(first, 60).mapToObj(i -> "line " + i + "\n").toList());
        Collected followed = new Collected();
        fx.runtime.logs(id, new LogsOptions(true), followed);
        assertThat(followed.texts).as("--follow, rotated files first").isEqualTo(kept);
    }

    @Test
    void outputThatIsNotUtf8_isLoggedAsDockerDoes_eachBadByteAnEscapedReplacementCharacter() throws Exception {
        String id = fx.run(fx.options("sh", "-c",
                "printf 'a\\377b\\303\\n'; printf '<&> \\342\\200\\250 \\303\\251\\n' >&2").build());

        // read as strict UTF-8: a raw invalid byte in the file would fail here
        List<String> lines = Files.readAllLines(log(id));
        assertThat(lines).anyMatch(l -> l.matches(
                "\\{\"log\":\"a\\\\ufffdb\\\\ufffd\\\\n\",\"stream\":\"stdout\",\"time\":\"" + TIME + "\"}"));
        assertThat(lines).anyMatch(l -> l.matches("\\{\"log\":\"\\\\u003c\\\\u0026\\\\u003e \\\\u2028 \u00e9\\\\n\","
                + "\"stream\":\"stderr\",\"time\":\"" + TIME + "\"}"));
        assertThat(fx.runtime.logs(id)).extracting(LogEntry::stream, LogEntry::log).containsExactlyInAnyOrder(
                tuple("stdout", "a\uFFFDb\uFFFD\n"), tuple("stderr", "<&> \u2028 \u00e9\n"));
    }

    @Test
    void aCharacterSplitByThe16KiBLineLimit_becomesOneReplacementCharacterPerByte_asInDocker() {
        // 16383 spaces and the first byte of the euro sign fill Docker's 16 KiB line buffer
        String id = fx.run(fx.options("sh", "-c", "printf '%16383s\\342\\202\\254\\n' ''").build());

        assertThat(fx.runtime.logs(id)).extracting(LogEntry::log)
                .containsExactly(" ".repeat(16383) + "\uFFFD", "\uFFFD\uFFFD\n");
    }

    @Test
    void aCharacterEndingAtThe16KiBLineLimit_staysWhole() {
        String id = fx.run(fx.options("sh", "-c", "printf '%16381s\\342\\202\\254\\n' ''").build());

        assertThat(fx.runtime.logs(id)).extracting(LogEntry::log).containsExactly(" ".repeat(16381) + "\u20ac", "\n");
    }

    @Test
    void start_fails_whenTheLogCannotBeOpened_asWithDockersLoggingDriver() throws Exception {
        String id = fx.runtime.create(fx.options("true").build());
        Path readOnly = Files.createDirectories(fx.base.resolve("read-only"));
        mount("--bind", readOnly.toString(), readOnly.toString());
        try {
            mount("-o", "remount,bind,ro", readOnly.toString());
            Files.createSymbolicLink(log(id), readOnly.resolve("log"));

            String reason = "failed to initialize logging driver: open " + log(id) + ": Read-only file system";
            assertThatThrownBy(() -> fx.runtime.start(id)).isInstanceOf(LaunchFailedException.class)
                    .hasMessage("cannot start container " + id + ": " + reason);
            ContainerInspect inspect = fx.runtime.inspect(id);
            assertThat(inspect.status()).isEqualTo(ContainerStatus.EXITED);
            assertThat(inspect.error()).isEqualTo(reason);
        } finally {
            umount(readOnly);
        }
    }

    @Test
    void outputTheMonitorCannotWrite_isCounted_andReportedWithTheLog() throws Exception {
        String id = fx.runtime.create(fx.options("sh", "-c", "printf '%5000s\\n' ''; echo kept").build());
        Path full = Files.createDirectories(fx.base.resolve("full"));
        // one page: the 5000-character line cannot be written, the short one after it can
        mount("-t", "tmpfs", "-o", "size=4k", "tmpfs", full.toString());
        try {
            Files.createSymbolicLink(log(id), full.resolve("log"));
            fx.runtime.start(id);
            fx.runtime.waitFor(id);

            Collected read = new Collected();
            LogsReport report = fx.runtime.logs(id, new LogsOptions(false), read);

            assertThat(read.texts).containsExactly("kept\n");
            assertThat(report.warnings()).containsExactly("the log of container " + id
                    + " misses 1 entry the monitor could not write: cannot write to the log " + log(id)
                    + ": No space left on device");
        } finally {
            umount(full);
        }
    }

    /** The texts of the entries a read passes on. */
    private static final class Collected implements LogSink {
        final List<String> texts = new ArrayList<>();

        @Override
        public void entry(LogEntry entry) {
            texts.add(entry.log());
        }

        @Override
        public void caughtUp() {
        }
    }

    private Path log(String id) {
        return fx.dataRoot.resolve("containers/" + id + "/" + id + "-json.log");
    }

    private static void mount(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("mount"));
        command.addAll(List.of(args));
        run(command);
    }

    private static void umount(Path target) throws IOException, InterruptedException {
        run(List.of("umount", target.toString()));
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as("%s: %s", command, out).isZero();
    }
}
