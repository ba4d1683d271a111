package dev.berth.engine;

import dev.berth.engine.volume.VolumeRecord;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A named volume as the engine shows it at its edge, in {@code docker volume inspect}'s terms.
 *
 * @param name       the volume's name (64 hex digits for an anonymous one)
 * @param driver     always {@code local}
 * @param labels     labels given at creation, sorted by key
 * @param options    driver options given at creation, sorted by key
 * @param createdAt  when it was created
 * @param mountpoint the host folder holding its content
 */
public record VolumeView(String name, String driver, Map<String, String> labels, Map<String, String> options,
                         Instant createdAt, String mountpoint) {

    public VolumeView {
        labels = Collections.unmodifiableMap(new TreeMap<>(labels));
        options = Collections.unmodifiableMap(new TreeMap<>(options));
    }

    /** The label Docker puts on the volumes it makes for a container's anonymous mounts. */
    public static final String ANONYMOUS_LABEL = VolumeRecord.ANONYMOUS_LABEL;

    /** Whether the volume was made without a name, for a container's anonymous mount. */
    public boolean anonymous() {
        return labels.containsKey(ANONYMOUS_LABEL);
    }
}
