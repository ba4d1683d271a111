package dev.berth.engine.cgroup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Creates the {@link CgroupManager} that fits this host, or one over an explicit tree for tests. */
public final class Cgroups {

    private static final Path MOUNTINFO = Path.of("/proc/self/mountinfo");

    private Cgroups() {
    }

    /** The manager for this host's layout, with containers under {@code /berth}. */
    public static CgroupManager detect() {
        return detect(CgroupManager.DEFAULT_PARENT);
    }

    /** The manager for this host's layout, with containers under {@code /<parent>}. */
    public static CgroupManager detect(String parent) {
        String mountinfo;
        try {
            mountinfo = Files.readString(MOUNTINFO);
        } catch (IOException e) {
            throw new CgroupException("detect cgroup layout: read " + MOUNTINFO + ": "
                    + ControlFiles.reason(e), e);
        }
        return forLayout(CgroupLayout.parseMountinfo(mountinfo), parent, CgroupFs.KERNEL);
    }

    /** The manager for {@code layout}: v1 when any v1 controller is mounted (hybrid hosts too). */
    public static CgroupManager forLayout(CgroupLayout layout, String parent, CgroupFs fs) {
        return switch (layout.mode()) {
            case V1 -> new V1CgroupManager(layout.v1Controllers(), parent, fs);
            case V2 -> new V2CgroupManager(layout.unified().orElseThrow(), parent, fs);
        };
    }
}
