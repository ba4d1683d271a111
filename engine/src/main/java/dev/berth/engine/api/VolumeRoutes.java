package dev.berth.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.engine.Engine;
import dev.berth.engine.VolumeView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The volume routes, served from the engine's edge ({@link Engine}'s volume methods): list,
 * create, inspect and remove, with Docker's shapes; the engine's refusals become Docker's statuses
 * in {@link EngineErrors}.
 *
 * @see <a href="https://docs.docker.com/reference/api/engine/version/v1.44/#tag/Volume">Docker Engine API 1.44: Volume</a>
 */
public final class VolumeRoutes implements RouteGroup {

    private static final Set<String> FILTERS = Set.of("name", "label");

    private final Engine engine;

    public VolumeRoutes(Engine engine) {
        this.engine = engine;
    }

    @Override
    public void register(Router router) {
        router.get("/volumes", this::list);
        router.post("/volumes/create", this::create);
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
