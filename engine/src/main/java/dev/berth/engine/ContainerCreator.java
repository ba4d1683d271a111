package dev.berth.engine;

import dev.berth.engine.core.EngineException;
import dev.berth.engine.core.Healthcheck;
import dev.berth.engine.image.ImageHold;
import dev.berth.engine.image.ImageStore;
import dev.berth.engine.image.ResolvedImage;
import dev.berth.engine.runtime.CreateOptions;
import dev.berth.engine.runtime.NameConflictException;
import dev.berth.engine.runtime.Reservation;
import dev.berth.engine.runtime.ContainerRuntime;
import dev.berth.engine.runtime.etc.LayeredRootfs;
import dev.berth.engine.runtime.etc.ResolvedUser;
import dev.berth.engine.runtime.etc.UserResolver;
import dev.berth.engine.runtime.launch.Mount;
import dev.berth.engine.volume.MountPlanner;
import dev.berth.engine.volume.MountSpec;
import dev.berth.engine.volume.VolumeStore;
import dev.berth.engine.volume.VolumeUsage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Creates a container from a {@link RunRequest}: resolves the image, applies its config
 * ({@link ImageDefaults}), resolves the user against the image's /etc/passwd and /etc/group,
 * prepares the mounts (bind sources, named and anonymous volumes filled from the image, tmpfs,
 * an anonymous volume for each image VOLUME nothing else mounts) and records it in the runtime.
 * What Docker's daemon refuses at create is refused first, in its words ({@link RunRequestValidator},
 * {@link ProcMountCheck}).
 *
 * <p>The container's name is reserved before anything is made and its volumes are recorded in the
 * reservation before they are made, so that a process killed halfway leaves nothing the next one
 * cannot clean up ({@link ContainerRuntime#sweep()}), and of concurrent creates with one name exactly one wins.
 */
final class ContainerCreator {

    private final ImageStore images;
    private final VolumeStore volumes;
    private final ContainerRuntime runtime;
    private final boolean dropMknod;
    private final ContainerNames names = ContainerNames.secure();
    private static final int GENERATED_NAME_ATTEMPTS = 10;

    /**
     * @param dropMknod drop CAP_MKNOD by default: where the cgroup manager has no device filter
     *                  (cgroup v2 without an eBPF device program) a container holding it could create
     *                  and open a node of a host disk
     */
    ContainerCreator(ImageStore images, VolumeStore volumes, ContainerRuntime runtime, boolean dropMknod) {
        this.images = images;
        this.volumes = volumes;
        this.runtime = runtime;
        this.dropMknod = dropMknod;
    }

    String create(RunRequest request) {
        RunRequestValidator.validate(request);
        // Held until the container exists: from then on ImageUsage keeps the image from removal.
        try (ImageHold hold = hold(request.image())) {
            return create(request, hold.image());
        }
    }

    private String create(RunRequest request, ResolvedImage image) {
        ImageDefaults merged = ImageDefaults.apply(image.config(), request);
        ContainerCgroups.validate(request.limits(), java.lang.Runtime.getRuntime().availableProcessors());
        LayeredRootfs rootfs = new LayeredRootfs(image.layersBottomFirst().reversed());
        ResolvedUser user = UserResolver.resolve(merged.user(), List.of(), rootfs);

        CreateOptions.Builder options = CreateOptions.builder(image.layersBottomFirst())
                .name(RunRequestValidator.normalisedName(request.name())).hostname(request.hostname())
                .entrypoint(merged.entrypoint()).command(merged.command())
                .workingDir(merged.workingDir())
                .user(user.uid(), user.gid()).extraGids(user.additionalGids()).homeDir(user.home())
                .privileged(request.privileged()).readOnlyRoot(request.readOnly()).init(request.init())
                .stopSignal(merged.stopSignal())
                .stopTimeoutSeconds(request.stopTimeout() == null ? -1 : request.stopTimeout())
                .log(request.log()).imageId(image.id().toString()).limits(request.limits())
                .autoRemove(request.autoRemove()).imageName(request.image())
                .labels(image.config().labels()).labels(request.labels())
                .tty(request.tty()).openStdin(request.openStdin()).stdinOnce(request.stdinOnce())
                .restartPolicy(request.restartPolicy())
                .healthcheck(healthcheck(request.healthcheck(), image.config().healthcheck()))
                .exposedPorts(image.config().exposedPorts())
                .exposedPorts(request.exposedPorts().stream().map(RunRequestValidator::normalisedPort).toList())
                .domainname(request.domainname());
        merged.env().forEach(options::env);
        request.capAdd().forEach(options::capAdd);
        request.capDrop().forEach(options::capDrop);
        if (dropMknod && !request.privileged()) {
            options.capDrop("MKNOD");
        }
        request.securityOpts().forEach(options::securityOpt);
        request.ulimits().forEach(options::ulimit);
        request.sysctls().forEach(options::sysctl);

        // The name is taken first, across processes; the container is listed only once it is whole.
        Pending pending = new Pending(reserve(RunRequestValidator.normalisedName(request.name())));
        options.name(pending.reservation.name());
        try {
            mounts(request, image, rootfs, options, pending);
            return runtime.commit(pending.reservation, options.build());
        } catch (RuntimeException e) {
            for (String name : pending.anonymous) {
                try {
                    if (volumes.find(name).isPresent()) {
                        volumes.remove(name, VolumeUsage.NONE);
                    }
                } catch (RuntimeException cleanup) {
                    e.addSuppressed(cleanup);
                }
            }
            try {
                runtime.abandon(pending.reservation);
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /**
     * Reserves the name asked for, or a generated one ({@link ContainerNames}) when none was: a
     * generated name that is taken is replaced by another, as Docker does.
     */
    private Reservation reserve(String name) {
        if (name != null) {
            return runtime.reserve(name);
        }
        for (int attempt = 0; ; attempt++) {
            try {
                return runtime.reserve(names.next(attempt));
            } catch (NameConflictException taken) {
                if (attempt == GENERATED_NAME_ATTEMPTS - 1) {
                    throw taken;
                }
            }
        }
    }

    /** A container being created: its reservation, which lists its volumes before they are made. */
    private final class Pending {
        Reservation reservation;
        final List<String> anonymous = new ArrayList<>();

        Pending(Reservation reservation) {
            this.reservation = reservation;
        }

        void volume(String name, boolean isAnonymous) {
            reservation = runtime.reserveVolume(reservation, name, isAnonymous);
            if (isAnonymous) {
                anonymous.add(name);
            }
        }
    }

    private void mounts(RunRequest request, ResolvedImage image, LayeredRootfs rootfs, CreateOptions.Builder options,
                        Pending pending) {
        MountPlanner planner = new MountPlanner(volumes);
        Set<String> targets = new HashSet<>();
        List<MountSpec> all = new ArrayList<>(request.mounts());
        request.mounts().forEach(m -> targets.add(normalise(m.target())));
        for (String volume : image.config().volumes()) {
            if (targets.add(normalise(volume))) {
                all.add(new MountSpec.Volume("", volume, false, false));
            }
        }
        // Every destination is checked before the first volume is made for any of them.
        all.forEach(spec -> ProcMountCheck.check(spec, rootfs));
        for (MountSpec spec : all) {
            switch (spec) {
                case MountSpec.Bind b -> {
                    MountPlanner.PlannedBind planned = planner.planBind(b);
                    options.mount(new Mount.Bind(planned.hostPath(), planned.target(), planned.readOnly()));
                }
                case MountSpec.Volume v -> {
                    String name = MountPlanner.volumeName(v);
                    pending.volume(name, v.anonymous());
                    MountPlanner.PlannedBind planned = planner.planVolume(v, name, rootfs, Map.of());
                    options.volume(planned.volumeName(), v.anonymous());
                    options.mount(new Mount.Bind(planned.hostPath(), planned.target(), planned.readOnly()));
                }
                case MountSpec.Tmpfs t -> options.mount(new Mount.Tmpfs(t.target(),
                        Arrays.asList(t.options().split(","))));
            }
        }
    }

    /** The container's healthcheck over the image's; none when neither sets one or it says NONE. */
    private static Healthcheck healthcheck(Healthcheck own, Healthcheck image) {
        Healthcheck merged = own == null ? image : own.over(image);
        return merged == null || merged.disabled() || merged.test().isEmpty() ? null : merged;
    }

    private ImageHold hold(String name) {
        try {
            return images.hold(name);
        } catch (IOException e) {
            throw new EngineException("cannot read image " + name + " from the store: " + e.getMessage(), e);
        }
    }

    private static String normalise(String target) {
        String t = target.replaceAll("/+", "/");
        return t.length() > 1 && t.endsWith("/") ? t.substring(0, t.length() - 1) : t;
    }
}
