package dev.berth.cli.engine;

import dev.berth.cli.output.Warnings;
import dev.berth.engine.core.LogEntry;
import dev.berth.engine.core.LogSink;
import dev.berth.engine.core.LogsReport;
import java.io.PrintWriter;

/**
 * Prints a container's log as {@code docker logs} and an attached {@code docker run} do: each
 * entry's text to stdout or stderr, by the stream it came from, nothing added.
 */
final class LogPrinter implements LogSink {

    private final PrintWriter out;
    private final PrintWriter err;

    LogPrinter(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public void entry(LogEntry entry) {
        (entry.stream().equals("stderr") ? err : out).print(entry.log());
    }

    @Override
    public void caughtUp() {
        out.flush();
        err.flush();
    }

    /** Prints the engine's warnings about the log, after the log itself. */
    void finish(LogsReport report) {
        caughtUp();
        Warnings.print(err, report.warnings());
    }
}
