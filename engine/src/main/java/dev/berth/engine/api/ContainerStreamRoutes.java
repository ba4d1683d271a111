package dev.berth.engine.api;

import dev.berth.engine.ContainerAttachment;
import dev.berth.engine.ContainerView;
import dev.berth.engine.Engine;
import java.io.IOException;
import java.time.Instant;
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
        router.addHijacking("POST", "/containers/{id}/attach", this::attach);
        router.post("/containers/{id}/resize", request -> {
            WindowSize size = WindowSize.of(request.query());
            engine.resize(request.param("id"), size.rows(), size.columns());
            return new ApiResponse.Empty(200);
        });
    }

    /**
     * {@code POST /containers/{id}/attach?stream&stdout&stderr&stdin&logs}: the container is checked
     * and the place in its log taken before the connection is taken over, so that a refusal is an
     * ordinary answer and output written after this request, even before the start, is not lost.
     * The stream ends when the container's run has ended.
     */
    private ApiResponse attach(ApiRequest request) {
        QueryParams query = request.query();
        boolean stream = query.bool("stream");
        boolean history = query.bool("logs");
        ContainerAttachment attachment = engine.attach(request.param("id"), history);
        ContainerView container = attachment.container();
        LogQuery output = new LogQuery(query.bool("stdout"), query.bool("stderr"), stream, -1, false, null, null);
        String type = request.wantsUpgrade() ? StdStream.mediaType(request.version(), container.tty()) : StdStream.RAW;
        boolean stdin = query.bool("stdin") && container.openStdin();
        return ApiResponse.hijack(type, connection -> {
            AtomicBoolean done = new AtomicBoolean();
            try {
                if (stdin) {
                    Thread.startVirtualThread(() -> {
                        try {
                            attachment.copyStdin(connection.input(), done::get);
                        } catch (IOException e) {
                            // the container's stdin is gone (it ended): the client's bytes have no reader
                        }
                    });
                }
                LogWriter writer = new LogWriter(output, container.tty(), connection.output()::write);
                if (stream) {
                    attachment.output(writer, () -> writer.finished() || !connection.isOpen());
                } else if (history) {
                    attachment.close();
                    engine.logs(container.id(), false, writer);
                }
            } finally {
                done.set(true);
                attachment.close();
            }
        });
    }

    /**
     * {@code GET /containers/{id}/logs}: the parameters and the container are checked before the
     * 200 goes out; a follow ends when the container stops, {@code until} has passed, or the client goes.
     */
    private ApiResponse logs(ApiRequest request) {
        LogQuery query = LogQuery.parse(request.query());
        ContainerView container = engine.inspect(request.param("id"));
        return ApiResponse.stream(StdStream.mediaType(request.version(), container.tty()), sink -> {
            AtomicBoolean clientGone = new AtomicBoolean();
            sink.onClose(() -> clientGone.set(true));
            LogWriter writer = new LogWriter(query, container.tty(), sink::write);
            // the monitor's warnings (entries it could not write) have no place in a stream already begun
            engine.logs(container.id(), query.follow(), () -> clientGone.get() || writer.finished()
                    || query.until() != null && Instant.now().isAfter(query.until()), writer);
        });
    }
}
