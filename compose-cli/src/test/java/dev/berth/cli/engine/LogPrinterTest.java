package dev.berth.cli.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.engine.core.LogEntry;
import dev.berth.engine.core.LogsReport;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogPrinterTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final LogPrinter printer = new LogPrinter(new PrintWriter(out), new PrintWriter(err));

    @Test
    void entries_goToTheirStream_asWritten() {
        printer.entry(new LogEntry("partial ", "stdout", "t"));
        printer.entry(new LogEntry("oops\n", "stderr", "t"));
        printer.entry(new LogEntry("line\n", "stdout", "t"));
        printer.caughtUp();

        assertThat(out).hasToString("partial line\n");
        assertThat(err).hasToString("oops\n");
    }

    @Test
    void finish_printsTheEnginesWarnings_afterTheLog_asWarnLines() {
        printer.entry(new LogEntry("kept\n", "stderr", "t"));
        printer.finish(new LogsReport(List.of("the log of container c misses 1 entry the monitor could not write:"
                + " cannot write to the log /x: No space left on device")));

        assertThat(err).hasToString("kept\nWARN[0000] the log of container c misses 1 entry the monitor could not write:"
                + " cannot write to the log /x: No space left on device\n");
        assertThat(out).hasToString("");
    }
}
