package dev.berth.engine.volume;

import java.util.List;

/** A volume cannot be removed while containers use it (Docker answers 409 with the same words). */
public final class VolumeInUseException extends VolumeException {

    private final List<String> containerIds;

    public VolumeInUseException(String name, List<String> containerIds) {
        super("remove " + name + ": volume is in use - [" + String.join(", ", containerIds) + "]");
        this.containerIds = List.copyOf(containerIds);
    }

    /** The containers that use the volume. */
    public List<String> containerIds() {
        return containerIds;
    }
}
