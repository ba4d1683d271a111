package dev.berth.engine.api;

import dev.berth.engine.ContainerView;
import dev.berth.engine.Engine;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The streaming container routes: logs (whole or followed), attach (a hijacked connection carrying
 * the container's output from the moment of attaching, and stdin to it), and resize of its
 * terminal (engine-api.md §2.2–2.4).
 *
 * @see <a href="https://docs.docker.com/reference/api/engine/version/v1.44/#tag/Container">Docker Engine API 1.44: Container</a>
 */
public final class ContainerStreamRoutes implements RouteGroup {

    private final Engine engine;

    public ContainerStreamRoutes(Engine engine) {
        this.engine = engine;
    }

    @Override
    public void register(Router router) {
        router.get("/containers/{id}/logs", this::logs);
    }

    /**
     * {@code GET /containers/{id}/logs}: the parameters and the container are checked before the
     * 200 goes out; a follow ends when the container stops, an entry passes {@code until}, or the
     * client goes.
     */
    private ApiResponse logs(ApiRequest request) {
        LogQuery query = LogQuery.parse(request.query());
        ContainerView container = engine.inspect(request.param("id"));
        return ApiResponse.stream(StdStream.mediaType(request.version(), container.tty()), sink -> {
            AtomicBoolean clientGone = new AtomicBoolean();
            sink.onClose(() -> clientGone.set(true));
            LogWriter writer = new LogWriter(query, container.tty(), sink::write);
            // the monitor's warnings (entries it could not write) have no place in a stream already begun
            engine.logs(container.id(), query.follow(), () -> clientGone.get() || writer.finished(), writer);
        });
    }
}
