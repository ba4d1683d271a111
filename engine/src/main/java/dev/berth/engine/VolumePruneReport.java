package dev.berth.engine;

import java.util.List;

/**
 * What {@code docker volume prune} removed.
 *
 * @param deleted        the names of the removed volumes
 * @param spaceReclaimed the bytes their files held
 */
public record VolumePruneReport(List<String> deleted, long spaceReclaimed) {

    public VolumePruneReport {
        deleted = List.copyOf(deleted);
    }
}
