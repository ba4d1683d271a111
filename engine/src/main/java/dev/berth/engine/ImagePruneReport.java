package dev.berth.engine;

import java.util.List;

/**
 * What {@code docker image prune} removed.
 *
 * @param lines          Docker's lines, {@code Untagged: busybox:latest} and {@code Deleted: sha256:…}
 * @param spaceReclaimed the bytes freed in the image store's blobs
 */
public record ImagePruneReport(List<String> lines, long spaceReclaimed) {

    public ImagePruneReport {
        lines = List.copyOf(lines);
    }
}
