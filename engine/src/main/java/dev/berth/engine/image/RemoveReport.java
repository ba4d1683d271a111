package dev.berth.engine.image;

import java.util.List;

/**
 * What {@link ImageStore#remove} did, as Docker reports it: {@code Untagged: busybox:latest} and
 * {@code Deleted: sha256:…} lines.
 */
public record RemoveReport(List<String> lines) {

    public RemoveReport {
        lines = List.copyOf(lines);
    }
}
