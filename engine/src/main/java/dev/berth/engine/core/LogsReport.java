package dev.berth.engine.core;

import java.util.List;

/**
 * What the engine has to say about a log it has read: the monitor's warnings, such as output it
 * could not write to the log (lost entries), each a sentence for the user.
 */
public record LogsReport(List<String> warnings) {

    public LogsReport {
        warnings = List.copyOf(warnings);
    }
}
