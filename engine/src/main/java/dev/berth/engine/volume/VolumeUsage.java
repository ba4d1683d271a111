package dev.berth.engine.volume;

import java.util.List;

/** Tells which containers use a volume, so that a volume in use is never removed. */
@FunctionalInterface
public interface VolumeUsage {

    /** Nobody uses any volume. */
    VolumeUsage NONE = name -> List.of();

    /** The IDs of the containers (running or not) whose mounts name {@code volumeName}. */
    List<String> containersUsing(String volumeName);
}
