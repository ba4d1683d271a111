package dev.berth.engine.layer;

import java.util.List;

/**
 * What applying one layer did.
 *
 * @param entries  how many tar entries were applied (whiteouts and opaque markers included)
 * @param warnings what was skipped, one line each, such as an extended attribute the kernel
 *                 refused for a symlink
 */
public record LayerApplyReport(int entries, List<String> warnings) {

    public LayerApplyReport {
        warnings = List.copyOf(warnings);
    }
}
