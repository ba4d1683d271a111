package dev.berth.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.engine.runtime.launch.LogOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The monitor's json-file log: content, escaping and rotation, as Docker writes it. */
class LogIT {

    private static final String TIME = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{9}Z";

    @RegisterExtension
    final RuntimeFixture fx = new RuntimeFixture();

    @Test
    void log_holdsOneJsonObjectPerLine_withStreamAndNanosecondTime() throws Exception {
        String id = fx.run(fx.options("sh", "-c", "echo 'say \"hi\" \\ ok'; echo err >&2; printf 'tab\\there\\001'")
                .build());
        List<String> lines = Files.readAllLines(fx.dataRoot.resolve("containers/" + id + "/" + id + "-json.log"));
        assertThat(lines).hasSize(3);
        assertThat(lines).anyMatch(l -> l.matches(
                "\\{\"log\":\"say \\\\\"hi\\\\\" \\\\\\\\ ok\\\\n\",\"stream\":\"stdout\",\"time\":\"" + TIME + "\"}"));
        assertThat(lines).anyMatch(l -> l.matches("\\{\"log\":\"err\\\\n\",\"stream\":\"stderr\",\"time\":\"" + TIME + "\"}"));
        assertThat(lines).anyMatch(l -> l.matches(
                "\\{\"log\":\"tab\\\\there\\\\u0001\",\"stream\":\"stdout\",\"time\":\"" + TIME + "\"}"));
        assertThat(fx.runtime.logs(id)).extracting(LogEntry::stream, LogEntry::log)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("stdout", "say \"hi\" \\ ok\n"),
                        org.assertj.core.groups.Tuple.tuple("stderr", "err\n"),
                        org.assertj.core.groups.Tuple.tuple("stdout", "tab\there\u0001"));
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
    }
}
