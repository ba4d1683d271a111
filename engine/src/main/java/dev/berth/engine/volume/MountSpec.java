package dev.berth.engine.volume;

import java.nio.file.Path;

/**
 * One mount a container asks for: a host directory, a volume or a tmpfs. The runtime mounts
 * them in the container's mount namespace; {@link MountPlanner} prepares their host side.
 */
public sealed interface MountSpec permits MountSpec.Bind, MountSpec.Volume, MountSpec.Tmpfs {

    /** The absolute path inside the container. */
    String target();

    boolean readOnly();

    /**
     * A host path bind-mounted ({@code rbind,rprivate}) into the container.
     *
     * @param createHostPath create the host directory when it is missing (the short {@code -v}
     *                       syntax does; {@code --mount type=bind} does not)
     */
    record Bind(Path source, String target, boolean readOnly, boolean createHostPath) implements MountSpec {
        public Bind {
            MountTargets.requireAbsolute("bind", target);
            if (!source.isAbsolute()) {
                throw new VolumeException("invalid mount config for type \"bind\": invalid mount path: '"
                        + source + "' mount path must be absolute");
            }
        }
    }

    /**
     * A named volume, or an anonymous one when {@code name} is empty.
     *
     * @param noCopy do not fill a new volume from the image ({@code nocopy})
     */
    record Volume(String name, String target, boolean readOnly, boolean noCopy) implements MountSpec {
        public Volume {
            MountTargets.requireAbsolute("volume", target);
            if (!name.isEmpty()) {
                VolumeNames.requireValid(name);
            }
        }

        public boolean anonymous() {
            return name.isEmpty();
        }
    }

    /**
     * A tmpfs.
     *
     * @param sizeBytes 0 for the kernel's default (half of RAM)
     * @param mode      permission bits of the tmpfs root; Docker's default is 01777
     */
    record Tmpfs(String target, long sizeBytes, int mode, boolean readOnly) implements MountSpec {

        public static final int DEFAULT_MODE = 01777;

        public Tmpfs {
            MountTargets.requireAbsolute("tmpfs", target);
            if (sizeBytes < 0) {
                throw new VolumeException("invalid tmpfs size " + sizeBytes + " for " + target);
            }
        }

        /**
         * The mount data and flags as mount(8) options: {@code nosuid,nodev,noexec} like Docker's
         * {@code --tmpfs} default, then the size in KiB and the octal mode.
         */
        public String options() {
            StringBuilder options = new StringBuilder(readOnly ? "ro" : "rw").append(",nosuid,nodev,noexec");
            if (sizeBytes > 0) {
                options.append(",size=").append((sizeBytes + 1023) / 1024).append('k');
            }
            return options.append(",mode=").append(Integer.toOctalString(mode)).toString();
        }
    }
}
