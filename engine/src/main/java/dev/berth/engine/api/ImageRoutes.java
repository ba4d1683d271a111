package dev.berth.engine.api;

import dev.berth.engine.Engine;
import dev.berth.engine.ImageDetails;
import dev.berth.engine.ImageHistoryStep;
import dev.berth.engine.ImagePruneReport;
import dev.berth.engine.ImageView;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The image routes served so far, from the engine's edge ({@link Engine}'s image methods): list
 * (with Docker's filters), inspect, history, tag, remove, prune, load and import, with Docker's
 * shapes. Pulling answers with a prompt error until berth speaks to registries; push, save and
 * build come later.
 *
 * @see <a href="https://docs.docker.com/reference/api/engine/version/v1.44/#tag/Image">Docker Engine API 1.44: Image</a>
 */
public final class ImageRoutes implements RouteGroup {

    private final Engine engine;

    public ImageRoutes(Engine engine) {
        this.engine = engine;
    }

    @Override
    public void register(Router router) {
        router.get("/images/json", this::list);
        router.postStreaming("/images/load", new ImageLoadRoute(engine)::load);
        router.postStreaming("/images/create", new ImageCreateRoute(engine)::create);
        router.post("/images/prune", this::prune);
        router.get("/images/{name*}/json", request -> ApiResponse.json(inspect(engine.inspectImage(request.param("name")))));
        router.get("/images/{name*}/history", this::history);
        router.post("/images/{name*}/tag", this::tag);
        router.delete("/images/{name*}", this::remove);
    }

    /** {@code GET /images/json}: {@code reference}, {@code label}, {@code dangling}, {@code before}, {@code since}. */
    private ApiResponse list(ApiRequest request) {
        List<Object> images = new ArrayList<>();
        for (ImageView i : ImageFilters.list(request.query().filters(), engine.images(),
                ref -> engine.inspectImage(ref).image())) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("Containers", -1);
            m.put("Created", epochSeconds(i.created()));
            m.put("Id", i.id());
            m.put("Labels", i.labels());
            m.put("ParentId", "");
            m.put("RepoDigests", i.repoDigests());
            m.put("RepoTags", i.repoTags());
            m.put("SharedSize", -1);
            m.put("Size", i.size());
            images.add(m);
        }
        return ApiResponse.json(images);
    }

    /** {@code POST /images/{name}/tag?repo=R&tag=T}, as {@code docker tag} sends it. */
    private ApiResponse tag(ApiRequest request) {
        String repo = request.query().get("repo").filter(r -> !r.isEmpty())
                .orElseThrow(() -> ApiException.badRequest("repository name (repo parameter) is required"));
        String tag = request.query().get("tag").filter(t -> !t.isEmpty()).orElse("latest");
        engine.tagImage(request.param("name"), repo + ":" + tag);
        return ApiResponse.json(201, Map.of());
    }

    /** {@code DELETE /images/{name}?force=}: Docker's list of {@code Untagged} and {@code Deleted} entries. */
    private ApiResponse remove(ApiRequest request) {
        return ApiResponse.json(removals(engine.removeImage(request.param("name"), request.query().bool("force"))));
    }

    /** {@code POST /images/prune}: dangling images (all unused ones with {@code dangling=false}), {@code label}, {@code until}. */
    private ApiResponse prune(ApiRequest request) {
        ImagePruneReport report = engine.pruneImages(ImageFilters.prune(request.query().filters(), Instant.now()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ImagesDeleted", removals(report.lines()));
        body.put("SpaceReclaimed", report.spaceReclaimed());
        return ApiResponse.json(body);
    }

    /** Docker's {@code [{"Untagged": …}, {"Deleted": …}]} from the engine's lines. */
    private static List<Object> removals(List<String> lines) {
        List<Object> report = new ArrayList<>();
        for (String line : lines) {
            int colon = line.indexOf(": ");
            report.add(Map.of(line.substring(0, colon), line.substring(colon + 2)));
        }
        return report;
    }

    /** {@code GET /images/{name}/history}: newest step first, as {@code docker history} shows it. */
    private ApiResponse history(ApiRequest request) {
        List<Object> steps = new ArrayList<>();
        for (ImageHistoryStep step : engine.imageHistory(request.param("name"))) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("Comment", step.comment());
            m.put("Created", epochSeconds(step.created()));
            m.put("CreatedBy", step.createdBy());
            m.put("Id", step.id());
            m.put("Size", step.size());
            m.put("Tags", step.tags().isEmpty() ? null : step.tags());
            steps.add(m);
        }
        return ApiResponse.json(steps);
    }

    private static Map<String, Object> inspect(ImageDetails d) {
        ImageView i = d.image();
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("User", d.user() == null ? "" : d.user());
        config.put("ExposedPorts", emptyObjects(d.exposedPorts()));
        config.put("Env", d.env());
        config.put("Cmd", d.cmd());
        config.put("Volumes", emptyObjects(d.volumes()));
        config.put("WorkingDir", d.workingDir() == null ? "" : d.workingDir());
        config.put("Entrypoint", d.entrypoint());
        config.put("Labels", d.labels());
        config.put("StopSignal", d.stopSignal());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Id", i.id());
        m.put("RepoTags", i.repoTags());
        m.put("RepoDigests", i.repoDigests());
        m.put("Parent", "");
        m.put("Comment", "");
        m.put("Created", i.created() == null ? "" : i.created());
        m.put("Author", "");
        m.put("Config", config);
        m.put("Architecture", d.architecture());
        m.put("Os", d.os());
        m.put("Size", i.size());
        m.put("GraphDriver", Map.of("Name", "overlay2", "Data", Map.of()));
        m.put("RootFS", Map.of("Type", "layers", "Layers", d.layers()));
        m.put("Metadata", Map.of("LastTagTime", "0001-01-01T00:00:00Z"));
        return m;
    }

    private static Map<String, Object> emptyObjects(List<String> keys) {
        if (keys.isEmpty()) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        keys.forEach(k -> m.put(k, Map.of()));
        return m;
    }

    private static long epochSeconds(String created) {
        if (created == null) {
            return 0;
        }
        try {
            return Instant.parse(created).getEpochSecond();
        } catch (DateTimeParseException e) {
            return 0;
        }
    }
}
