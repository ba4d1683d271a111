package dev.berth.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.engine.Engine;
import dev.berth.engine.VolumePruneReport;
import dev.berth.engine.VolumeView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The volume routes, served from the engine's edge ({@link Engine}'s volume methods): list,
 * create, inspect, remove and prune, with Docker's shapes; the engine's refusals become Docker's statuses
 * in {@link EngineErrors}.
 *
 * @see <a href="https://docs.docker.com/reference/api/engine/version/v1.44/#tag/Volume">Docker Engine API 1.44: Volume</a>
 */
public final class VolumeRoutes implements RouteGroup {

    private static final Set<String> FILTERS = Set.of("name", "label");
    private static final Set<String> PRUNE_FILTERS = Set.of("label", "label!", "all");
    /** Before API 1.42, prune took named volumes too (moby's volume router). */
    private static final ApiVersion ALL_BY_DEFAULT_BEFORE = new ApiVersion("1.42");

    private final Engine engine;

    public VolumeRoutes(Engine engine) {
        this.engine = engine;
    }

    @Override
    public void register(Router router) {
        router.get("/volumes", this::list);
        router.post("/volumes/create", this::create);
        router.post("/volumes/prune", this::prune);
        router.get("/volumes/{name}", request -> ApiResponse.json(json(engine.inspectVolume(request.param("name")))));
        router.delete("/volumes/{name}", request -> {
            engine.removeVolume(request.param("name"));
            return ApiResponse.noContent();
        });
    }

    /** {@code GET /volumes}: the {@code name} and {@code label} filters, as the engine applies them. */
    private ApiResponse list(ApiRequest request) {
        Filters filters = request.query().filters();
        for (String key : filters.values().keySet()) {
            if (!FILTERS.contains(key)) {
                throw ApiException.badRequest("invalid filter '" + key + "': berth filters volumes by name and"
                        + " label only");
            }
        }
        List<String> engineFilters = new ArrayList<>();
        filters.get("name").forEach(v -> engineFilters.add("name=" + v));
        filters.get("label").forEach(v -> engineFilters.add("label=" + v));
        List<Object> volumes = new ArrayList<>();
        for (VolumeView v : engine.volumes(engineFilters)) {
            volumes.add(json(v));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Volumes", volumes);
        body.put("Warnings", List.of());
        return ApiResponse.json(body);
    }

    /**
     * {@code POST /volumes/prune}: the volumes no container uses; from API 1.42 on only anonymous
     * ones unless the filter {@code all=true} is given, as dockerd decides; {@code label} terms must
     * all hold, {@code label!} terms must all fail.
     */
    private ApiResponse prune(ApiRequest request) {
        Filters filters = request.query().filters().requireKnown(PRUNE_FILTERS);
        boolean all = request.version().isOlderThan(ALL_BY_DEFAULT_BEFORE) || allFilter(filters);
        VolumePruneReport report = engine.pruneVolumes(v -> (all || v.anonymous())
                && filters.matchesLabels("label", v.labels())
                && filters.get("label!").stream().noneMatch(term -> Filters.matchesLabel(term, v.labels())));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("VolumesDeleted", report.deleted());
        body.put("SpaceReclaimed", report.spaceReclaimed());
        return ApiResponse.json(body);
    }

    private static boolean allFilter(Filters filters) {
        List<String> values = filters.get("all");
        if (values.isEmpty()) {
            return false;
        }
        if (values.size() > 1 || !Set.of("true", "1", "false", "0").contains(values.getFirst())) {
            throw ApiException.badRequest("invalid filter 'all=" + String.join(",", values) + "': use true or false");
        }
        return values.getFirst().equals("true") || values.getFirst().equals("1");
    }

    /** {@code POST /volumes/create}: {@code Name} (a random one when empty), {@code Labels}, {@code DriverOpts}. */
    private ApiResponse create(ApiRequest request) {
        JsonNode body = request.jsonTree();
        String driver = text(body, "Driver");
        if (driver != null && !driver.isEmpty() && !driver.equals("local")) {
            throw ApiException.badRequest("volume driver \"" + driver + "\" is not supported: berth has the local"
                    + " driver only");
        }
        String name = text(body, "Name");
        VolumeView created = engine.createVolume(name == null || name.isEmpty() ? null : name,
                strings(body, "Labels"), strings(body, "DriverOpts"));
        return ApiResponse.json(201, json(created));
    }

    private static Map<String, Object> json(VolumeView v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("CreatedAt", v.createdAt().toString());
        m.put("Driver", v.driver());
        m.put("Labels", v.labels());
        m.put("Mountpoint", v.mountpoint());
        m.put("Name", v.name());
        m.put("Options", v.options());
        m.put("Scope", "local");
        return m;
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw ApiException.badRequest("invalid JSON: " + field + " must be a string");
        }
        return value.asText();
    }

    private static Map<String, String> strings(JsonNode body, String field) {
        JsonNode value = body.get(field);
        Map<String, String> map = new TreeMap<>();
        if (value == null || value.isNull()) {
            return map;
        }
        if (!value.isObject()) {
            throw ApiException.badRequest("invalid JSON: " + field + " must be an object of strings");
        }
        value.properties().forEach(e -> {
            if (!e.getValue().isTextual()) {
                throw ApiException.badRequest("invalid JSON: " + field + "." + e.getKey() + " must be a string");
            }
            map.put(e.getKey(), e.getValue().asText());
        });
        return map;
    }
}
