package dev.berth.engine.volume;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A named volume as {@code docker volume inspect} shows it.
 *
 * @param name       the volume's name (64 hex digits for an anonymous one)
 * @param driver     always {@code local}
 * @param labels     labels given at creation, sorted by key
 * @param options    driver options given at creation, sorted by key
 * @param createdAt  when it was created
 * @param mountpoint the host directory holding its content, {@code <dataRoot>/volumes/<name>/_data}
 */
public record VolumeRecord(String name, String driver, Map<String, String> labels,
                           Map<String, String> options, Instant createdAt, Path mountpoint) {

    /** The label Docker puts on anonymous volumes. */
    public static final String ANONYMOUS_LABEL = "com.docker.volume.anonymous";
    public static final String LOCAL_DRIVER = "local";

    public VolumeRecord {
        labels = Collections.unmodifiableMap(new TreeMap<>(labels));
        options = Collections.unmodifiableMap(new TreeMap<>(options));
    }

    /** Whether the volume was created without a name, for a container's anonymous mount. */
    public boolean anonymous() {
        return labels.containsKey(ANONYMOUS_LABEL);
    }
}
