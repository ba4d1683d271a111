package dev.berth.engine.api;

import dev.berth.engine.ContainerView;
import dev.berth.engine.Engine;
import dev.berth.engine.core.WaitCondition;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The container life-cycle routes, served from the engine's edge: create, inspect, list, start,
 * stop, kill, restart, pause, unpause, rename, wait, remove and prune, with Docker's shapes,
 * statuses and words; top and stats are in {@link ContainerMetricsRoutes}. Logs, attach, exec,
 * resize and archive belong to other groups.
 *
 * @see <a href="https://docs.docker.com/reference/api/engine/version/v1.44/#tag/Container">Docker Engine API 1.44: Container</a>
 */
public final class ContainerRoutes implements RouteGroup {

    private final Engine engine;
    private final AutoRemover autoRemover;

    public ContainerRoutes(Engine engine) {
        this.engine = engine;
        this.autoRemover = new AutoRemover(engine);
    }

    @Override
    public void register(Router router) {
        router.post("/containers/create", this::create);
        router.get("/containers/json", this::list);
        router.post("/containers/prune", request -> ContainerPruner.prune(engine, request.query()));
        router.get("/containers/{id}/json", request -> ApiResponse.json(ContainerJson.inspect(view(request))));
        router.post("/containers/{id}/start", this::start);
        router.post("/containers/{id}/stop", this::stop);
        router.post("/containers/{id}/restart", this::restart);
        router.post("/containers/{id}/kill", request -> {
            engine.kill(request.param("id"), request.query().get("signal").filter(s -> !s.isEmpty()).orElse("KILL"));
            return ApiResponse.noContent();
        });
        router.post("/containers/{id}/pause", request -> {
            engine.pause(request.param("id"));
            return ApiResponse.noContent();
        });
        router.post("/containers/{id}/unpause", request -> {
            engine.unpause(request.param("id"));
            return ApiResponse.noContent();
        });
        router.post("/containers/{id}/rename", request -> {
            engine.rename(request.param("id"), request.query().get("name").orElse(""));
            return ApiResponse.noContent();
        });
        router.post("/containers/{id}/wait", this::await);
        router.delete("/containers/{id}", request -> {
            if (request.query().bool("link")) {
                throw ApiException.badRequest("berth has no container links: leave out link");
            }
            engine.remove(request.param("id"), request.query().bool("force"), request.query().bool("v"));
            return ApiResponse.noContent();
        });
        new ContainerMetricsRoutes(engine).register(router);
    }

    /** {@code POST /containers/create?name=}: 201 with the new ID; Docker's order of refusals is the engine's. */
    private ApiResponse create(ApiRequest request) {
        String name = request.query().get("name").orElse(null);
        String id = engine.create(CreateBodyReader.read(request.jsonTree(), name));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Id", id);
        body.put("Warnings", List.of());
        return ApiResponse.json(201, body);
    }

    /** {@code GET /containers/json}: the newest first, as Docker lists them. */
    private ApiResponse list(ApiRequest request) {
        ContainerListQuery query = ContainerListQuery.of(request.query());
        boolean size = request.query().bool("size");
        Instant now = Instant.now();
        List<Object> items = new ArrayList<>();
        for (ContainerView c : query.apply(engine.list())) {
            Map<String, Object> item = ContainerJson.summary(c, now);
            if (size) {
                item.put("SizeRw", engine.writableSize(c.id()));
                item.put("SizeRootFs", engine.writableSize(c.id())
                        + (c.imageId() == null ? 0 : engine.inspectImage(c.imageId()).image().size()));
            }
            items.add(item);
        }
        return ApiResponse.json(items);
    }

    /** {@code POST /containers/{id}/start}: 304 when it runs already. */
    private ApiResponse start(ApiRequest request) {
        String ref = request.param("id");
        ContainerView c = engine.inspect(ref);
        if (c.paused()) {
            throw ApiException.conflict("cannot start a paused container, try unpause instead");
        }
        if (c.running()) {
            return ApiResponse.notModified();
        }
        // watched before the start: an AutoRemove container that ends at once is still removed
        autoRemover.watch(ref);
        engine.start(ref);
        return ApiResponse.noContent();
    }

    /**
     * {@code POST /containers/{id}/restart?t=}: stop and start. An AutoRemove container is not
     * removed by the stop: its watch moves on to the run that follows.
     */
    private ApiResponse restart(ApiRequest request) {
        String id = engine.inspect(request.param("id")).id();
        autoRemover.forget(id);
        engine.stop(id, timeout(request));
        autoRemover.watch(id);
        engine.start(id);
        return ApiResponse.noContent();
    }

    /** {@code POST /containers/{id}/stop?t=&signal=}: 304 when it is not running. */
    private ApiResponse stop(ApiRequest request) {
        String ref = request.param("id");
        if (request.query().get("signal").filter(s -> !s.isEmpty()).isPresent()) {
            throw ApiException.badRequest("berth stops a container with its own stop signal (Config.StopSignal):"
                    + " leave out signal, or send it with kill first");
        }
        if (!engine.inspect(ref).running()) {
            return ApiResponse.notModified();
        }
        engine.stop(ref, timeout(request));
        return ApiResponse.noContent();
    }

    /** How long "for ever" is, for {@code t=-1}: long, yet far from overflowing a deadline in nanoseconds. */
    private static final Duration FOREVER = Duration.ofDays(36500);

    /** The {@code t} parameter: seconds before SIGKILL; null for the container's own; -1 waits for ever, as Docker. */
    private static Duration timeout(ApiRequest request) {
        if (request.query().get("t").filter(t -> !t.isEmpty()).isEmpty()) {
            return null;
        }
        long seconds = request.query().integer("t", 0);
        return seconds < 0 ? FOREVER : Duration.ofSeconds(seconds);
    }

    /**
     * {@code POST /containers/{id}/wait?condition=}: the wait begins before the answer's headers are
     * sent, so that an exit right after a start the client sends next is not missed.
     */
    private ApiResponse await(ApiRequest request) {
        WaitCondition condition = switch (request.query().get("condition").orElse("")) {
            case "", "not-running" -> WaitCondition.NOT_RUNNING;
            case "next-exit" -> WaitCondition.NEXT_EXIT;
            case "removed" -> WaitCondition.REMOVED;
            default -> throw ApiException.badRequest("invalid condition: \""
                    + request.query().get("condition").orElse("") + "\"");
        };
        var watch = engine.watchExit(request.param("id"), condition);
        return ApiResponse.stream(Responses.JSON, sink -> {
            AtomicBoolean gone = new AtomicBoolean();
            sink.onClose(() -> gone.set(true));
            var code = watch.await(gone::get);
            if (code.isPresent()) {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("Error", null);
                body.put("StatusCode", code.getAsInt());
                sink.writeJsonLine(body);
            }
        });
    }

    private ContainerView view(ApiRequest request) {
        return engine.inspect(request.param("id"));
    }
}
