package dev.berth.engine.runtime.launch;

import java.nio.file.Path;
import java.util.List;

/** A mount the launcher makes inside the container's root filesystem, after the default ones. */
public sealed interface Mount {

    /** The path inside the container. */
    String destination();

    /**
     * A bind mount of a host file or folder, recursive and rprivate, so nothing propagates back.
     *
     * @param options extra flags such as {@code nosuid}, {@code nodev}, {@code noexec}
     */
    record Bind(Path source, String destination, boolean readOnly, List<String> options)
            implements Mount {
        public Bind {
            options = List.copyOf(options);
        }

        public Bind(Path source, String destination, boolean readOnly) {
            this(source, destination, readOnly, List.of());
        }
    }

    /**
     * A tmpfs; options mix mount flags ({@code ro}, {@code nosuid}, ...) and tmpfs data
     * ({@code size=64m}, {@code mode=1777}), as in Docker's {@code --tmpfs /run:size=64m}.
     */
    record Tmpfs(String destination, List<String> options) implements Mount {
        public Tmpfs {
            options = List.copyOf(options);
        }
    }
}
