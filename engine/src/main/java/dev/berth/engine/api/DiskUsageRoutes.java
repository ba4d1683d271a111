package dev.berth.engine.api;

import dev.berth.engine.ContainerView;
import dev.berth.engine.DiskUsage;
import dev.berth.engine.Engine;
import dev.berth.engine.ImageView;
import dev.berth.engine.VolumeView;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /system/df}: what images, containers and volumes take on disk, in Docker's shape
 * ({@code LayersSize}, {@code Images}, {@code Containers}, {@code Volumes} with {@code UsageData},
 * and an empty {@code BuildCache}: berth builds nothing yet).
 *
 * @see <a href="https://docs.docker.com/reference/api/engine/version/v1.44/#tag/System/operation/SystemDataUsage">SystemDataUsage</a>
 */
public final class DiskUsageRoutes implements RouteGroup {

    private final Engine engine;

    public DiskUsageRoutes(Engine engine) {
        this.engine = engine;
    }

    @Override
    public void register(Router router) {
        router.get("/system/df", request -> ApiResponse.json(json(engine.diskUsage())));
    }

    private static Map<String, Object> json(DiskUsage usage) {
        List<Object> images = new ArrayList<>();
        for (DiskUsage.ImageUse use : usage.images()) {
            ImageView i = use.image();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("Containers", use.containers());
            m.put("Created", epochSeconds(i.created()));
            m.put("Id", i.id());
            m.put("Labels", i.labels());
            m.put("ParentId", "");
            m.put("RepoDigests", i.repoDigests());
            m.put("RepoTags", i.repoTags());
            m.put("SharedSize", use.sharedSize());
            m.put("Size", i.size());
            images.add(m);
        }
        List<Object> containers = new ArrayList<>();
        for (DiskUsage.ContainerUse use : usage.containers()) {
            ContainerView c = use.container();
            List<String> command = new ArrayList<>(c.entrypoint());
            command.addAll(c.command());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("Command", String.join(" ", command));
            m.put("Created", epochSeconds(c.created()));
            // berth gives each container a network namespace of its own with loopback only
            m.put("HostConfig", Map.of("NetworkMode", "none"));
            m.put("Id", c.id());
            m.put("Image", c.image() == null ? c.imageId() == null ? "" : c.imageId() : c.image());
            m.put("ImageID", c.imageId() == null ? "" : c.imageId());
            m.put("Labels", c.labels());
            m.put("Mounts", List.of());
            m.put("Names", List.of("/" + c.name()));
            m.put("NetworkSettings", Map.of("Networks", Map.of()));
            m.put("Ports", List.of());
            m.put("SizeRootFs", use.sizeRootFs());
            m.put("SizeRw", use.sizeRw());
            m.put("State", c.status());
            m.put("Status", status(c));
            containers.add(m);
        }
        List<Object> volumes = new ArrayList<>();
        for (DiskUsage.VolumeUse use : usage.volumes()) {
            VolumeView v = use.volume();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("CreatedAt", v.createdAt().toString());
            m.put("Driver", v.driver());
            m.put("Labels", v.labels());
            m.put("Mountpoint", v.mountpoint());
            m.put("Name", v.name());
            m.put("Options", v.options());
            m.put("Scope", "local");
            m.put("UsageData", Map.of("RefCount", use.refCount(), "Size", use.size()));
            volumes.add(m);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("BuildCache", List.of());
        body.put("Containers", containers);
        body.put("Images", images);
        body.put("LayersSize", usage.layersSize());
        body.put("Volumes", volumes);
        return body;
    }

    /** Docker's short status without the ages it adds ({@code Up}, {@code Exited (0)}, {@code Created}). */
    private static String status(ContainerView c) {
        return switch (c.status()) {
            case "running" -> "Up";
            case "paused" -> "Up (Paused)";
            case "created" -> "Created";
            default -> "Exited (" + c.exitCode() + ")";
        };
    }

    private static long epochSeconds(String time) {
        if (time == null) {
            return 0;
        }
        try {
            return Instant.parse(time).getEpochSecond();
        } catch (DateTimeParseException e) {
            return 0;
        }
    }
}
