package dev.berth.engine;

import dev.berth.engine.runtime.ContainerInspect;
import dev.berth.engine.runtime.CreateOptions;
import dev.berth.engine.runtime.launch.Mount;
import dev.berth.engine.volume.VolumeStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Makes the edge's {@link ContainerView} from the runtime's records. */
final class ContainerViews {

    private final VolumeStore volumes;

    ContainerViews(VolumeStore volumes) {
        this.volumes = volumes;
    }

    ContainerView of(ContainerInspect c, CreateOptions o) {
        return new ContainerView(c.id(), c.name(), c.status().dockerName(), c.pid(), c.startedAt(), c.finishedAt(),
                c.exitCode(), c.oomKilled(), c.error(), o.hostname() == null ? c.id().substring(0, 12) : o.hostname(),
                o.uid() + ":" + o.gid(), o.env(), o.entrypoint(), o.command(),
                o.workingDir() == null ? "" : o.workingDir(), o.imageId(), o.effectiveStopSignal(),
                o.effectiveStopTimeout(), new ContainerView.Limits(o.limits().memoryBytes(),
                        o.limits().memorySwapBytes(), o.limits().nanoCpus(), o.limits().pidsLimit()),
                o.capAdd(), o.capDrop(), o.privileged(), o.securityOpts(), o.readOnlyRoot(), o.init(),
                mounts(o), c.createdAt(), o.imageName(), o.labels(), o.tty(), o.openStdin(), o.stdinOnce(),
                o.restartPolicy(), o.healthcheck(), o.exposedPorts(), o.domainname(), o.autoRemove());
    }

    /** Each mount, a bind of a volume's folder shown as that volume (the volume it was created with). */
    private List<MountView> mounts(CreateOptions o) {
        List<MountView> mounts = new ArrayList<>();
        for (Mount m : o.mounts()) {
            mounts.add(switch (m) {
                case Mount.Bind b -> {
                    String volume = volumeAt(o.volumes(), b.source());
                    yield new MountView(volume == null ? "bind" : "volume", volume, b.source().toString(),
                            b.destination(), !b.readOnly(), "");
                }
                case Mount.Tmpfs t -> new MountView("tmpfs", null, null, t.destination(),
                        !t.options().contains("ro"), String.join(",", t.options()));
            });
        }
        return mounts;
    }

    private String volumeAt(List<String> names, Path source) {
        for (String name : names) {
            if (volumes.mountpoint(name).equals(source)) {
                return name;
            }
        }
        return null;
    }
}
