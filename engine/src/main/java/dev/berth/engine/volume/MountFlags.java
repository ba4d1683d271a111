package dev.berth.engine.volume;

import dev.berth.engine.core.ByteSize;
import java.nio.file.Path;

/** Parses the short mount flags of {@code docker run}: {@code -v} and {@code --tmpfs}. */
public final class MountFlags {

    private MountFlags() {
    }

    /**
     * Parses {@code -v [SRC:]DST[:OPTIONS]}: an absolute SRC is a bind mount (its host directory
     * created when missing, as Docker's short syntax does), another SRC names a volume, none makes
     * an anonymous volume. OPTIONS: {@code ro}, {@code rw}, {@code nocopy}, comma-separated.
     *
     * @throws VolumeException {@code invalid volume specification: 'SPEC'}
     */
    public static MountSpec parseVolume(String spec) {
        String[] parts = spec.split(":", -1);
        if (parts.length == 0 || parts.length > 3 || spec.isEmpty()) {
            throw invalid(spec);
        }
        String source = parts.length == 1 ? "" : parts[0];
        String target = parts.length == 1 ? parts[0] : parts[1];
        boolean readOnly = false;
        boolean noCopy = false;
        if (parts.length == 3) {
            for (String option : parts[2].split(",")) {
                switch (option) {
                    case "ro" -> readOnly = true;
                    case "rw" -> readOnly = false;
                    case "nocopy" -> noCopy = true;
                    default -> throw invalid(spec);
                }
            }
        }
        if (target.isEmpty() || (parts.length > 1 && source.isEmpty())) {
            throw invalid(spec);
        }
        if (source.startsWith("/")) {
            return new MountSpec.Bind(Path.of(source), target, readOnly, true);
        }
        return new MountSpec.Volume(source, target, readOnly, noCopy);
    }

    /**
     * Parses {@code --tmpfs DST[:OPTIONS]} with OPTIONS among {@code size=SIZE}, {@code mode=OCTAL},
     * {@code ro}, {@code rw}; the flags Docker always adds ({@code nosuid,nodev,noexec}) are
     * accepted too.
     *
     * @throws VolumeException naming the option that is not understood
     */
    public static MountSpec.Tmpfs parseTmpfs(String spec) {
        int colon = spec.indexOf(':');
        String target = colon < 0 ? spec : spec.substring(0, colon);
        long size = 0;
        int mode = MountSpec.Tmpfs.DEFAULT_MODE;
        boolean readOnly = false;
        if (colon >= 0) {
            for (String option : spec.substring(colon + 1).split(",")) {
                if (option.startsWith("size=")) {
                    try {
                        size = ByteSize.parse(option.substring(5));
                    } catch (IllegalArgumentException e) {
                        throw new VolumeException("invalid tmpfs option \"" + option + "\" in '" + spec
                                + "': " + e.getMessage(), e);
                    }
                } else if (option.startsWith("mode=")) {
                    try {
                        mode = Integer.parseInt(option.substring(5), 8);
                    } catch (NumberFormatException e) {
                        throw new VolumeException("invalid tmpfs option \"" + option + "\" in '" + spec
                                + "': the mode must be octal, such as 1777", e);
                    }
                } else {
                    switch (option) {
                        case "ro" -> readOnly = true;
                        case "rw", "nosuid", "nodev", "noexec", "" -> { }
                        default -> throw new VolumeException("invalid tmpfs option \"" + option + "\" in '"
                                + spec + "': use size=, mode=, ro or rw");
                    }
                }
            }
        }
        return new MountSpec.Tmpfs(target, size, mode, readOnly);
    }

    private static VolumeException invalid(String spec) {
        return new VolumeException("invalid volume specification: '" + spec + "'");
    }
}
