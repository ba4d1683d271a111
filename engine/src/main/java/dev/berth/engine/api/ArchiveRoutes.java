package dev.berth.engine.api;

import dev.berth.engine.ContainerPathStat;
import dev.berth.engine.Engine;
import dev.berth.engine.ExtractOptions;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The routes of {@code docker cp}: {@code HEAD} and {@code GET /containers/{id}/archive?path=}
 * (the stat of a path in {@code X-Docker-Container-Path-Stat}, base64 JSON; GET adds a tar of it)
 * and {@code PUT /containers/{id}/archive?path=} (a tar extracted into a folder, the body read as
 * it arrives). Paths are the container's, resolved inside its root by the engine.
 *
 * @see <a href="https://docs.docker.com/reference/api/engine/version/v1.44/#tag/Container/operation/ContainerArchive">ContainerArchive</a>
 */
public final class ArchiveRoutes implements RouteGroup {

    static final String STAT_HEADER = "X-Docker-Container-Path-Stat";
    private static final String TAR = "application/x-tar";

    private final Engine engine;

    public ArchiveRoutes(Engine engine) {
        this.engine = engine;
    }

    @Override
    public void register(Router router) {
        router.head("/containers/{id}/archive", request -> new ApiResponse.Text(200, TAR, "",
                Map.of(STAT_HEADER, header(stat(request)))));
        router.get("/containers/{id}/archive", this::get);
        router.putStreaming("/containers/{id}/archive", this::put);
    }

    private ContainerPathStat stat(ApiRequest request) {
        return engine.statPath(request.param("id"), path(request));
    }

    private ApiResponse get(ApiRequest request) {
        String id = request.param("id");
        String path = path(request);
        ContainerPathStat stat = engine.statPath(id, path);
        return new ApiResponse.Stream(200, TAR, sink -> {
            try (OutputStream out = new BufferedOutputStream(new SinkOutput(sink), 64 << 10)) {
                engine.archive(id, path, out);
            }
        }, Map.of(STAT_HEADER, header(stat)));
    }

    private ApiResponse put(ApiRequest request) {
        engine.extract(request.param("id"), path(request), request.bodyStream(), new ExtractOptions(
                request.query().bool("noOverwriteDirNonDir"), request.query().bool("copyUIDGID")));
        return new ApiResponse.Empty(200);
    }

    private static String path(ApiRequest request) {
        return request.query().get("path").filter(p -> !p.isEmpty())
                .orElseThrow(() -> ApiException.badRequest("path parameter is required"));
    }

    private static String header(ContainerPathStat stat) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", stat.name());
        m.put("size", stat.size());
        m.put("mode", stat.mode());
        m.put("mtime", stat.mtime());
        m.put("linkTarget", stat.linkTarget());
        byte[] json = ApiJson.line(m);
        return Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(json, json.length - 1));
    }

    /** The chunk sink as an output stream: each flushed buffer is one chunk. */
    private static final class SinkOutput extends OutputStream {
        private final ChunkSink sink;

        SinkOutput(ChunkSink sink) {
            this.sink = sink;
        }

        @Override
        public void write(int b) throws IOException {
            sink.write(new byte[] {(byte) b});
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            sink.write(java.util.Arrays.copyOfRange(b, off, off + len));
        }
    }
}
