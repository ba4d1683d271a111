package dev.berth.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.engine.Engine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * An API server on a temporary socket serving the container, exec and streaming routes of one engine, and the small
 * client steps the stream tests share: JSON requests, and the answers of hijacked and chunked
 * streams split into head and demultiplexed frames.
 */
final class StreamApi implements AutoCloseable {

    static final Duration DEADLINE = Duration.ofSeconds(20);

    final Path socket;
    private final ApiServer server;

    StreamApi(Engine engine, Path folder) throws IOException {
        this.socket = folder.resolve("api.sock");
        SystemRoutes system = new SystemRoutes(new ServerIdentity("stream-test", "0.1.0-test",
                ProcessHandle.current().pid(), folder, List.of(), List.of(), List.of(),
                () -> ServerIdentity.ObjectCounts.NONE), HostFacts.current());
        Router router = new Router().add(system).add(new ContainerRoutes(engine)).add(new ExecRoutes(engine))
                .add(new ContainerStreamRoutes(engine));
        server = ApiServer.start(socket, router, system.commonHeaders(), ApiServer.DEFAULT_MAX_BODY_BYTES,
                Duration.ofSeconds(5), line -> { });
    }

    /** One request on its own connection; the whole answer. */
    String exchange(String method, String path, String body) throws IOException {
        return UnixHttp.exchange(socket, method, path, body);
    }

    /** The JSON body of an answer that must have {@code status}. */
    JsonNode json(String answer, int status) throws IOException {
        assertThat(answer).startsWith("HTTP/1.1 " + status + " ");
        return ApiJson.MAPPER.readTree(body(answer));
    }

    static String head(String answer) {
        return answer.substring(0, answer.indexOf("\r\n\r\n") + 4);
    }

    static String body(String answer) {
        return answer.substring(answer.indexOf("\r\n\r\n") + 4);
    }

    /** A chunked body (of ASCII text and frames), its chunks joined. */
    static String unchunk(String body) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (true) {
            int eol = body.indexOf("\r\n", at);
            int size = Integer.parseInt(body.substring(at, eol), 16);
            if (size == 0) {
                return out.toString();
            }
            out.append(body, eol + 2, eol + 2 + size);
            at = eol + 2 + size + 2;
        }
    }

    /**
     * A multiplexed stream as {@code "1:payload"} / {@code "2:payload"} per frame.
     *
     * @throws AssertionError when it is not a whole sequence of frames
     */
    static List<String> frames(String stream) {
        byte[] bytes = stream.getBytes(StandardCharsets.ISO_8859_1);
        List<String> frames = new ArrayList<>();
        int at = 0;
        while (at < bytes.length) {
            assertThat(bytes.length - at).as("frame header at %d of %s", at, stream).isGreaterThanOrEqualTo(8);
            assertThat(bytes[at + 1] | bytes[at + 2] | bytes[at + 3]).as("frame header padding").isZero();
            int len = ((bytes[at + 4] & 0xff) << 24) | ((bytes[at + 5] & 0xff) << 16) | ((bytes[at + 6] & 0xff) << 8)
                    | (bytes[at + 7] & 0xff);
            frames.add(bytes[at] + ":" + new String(bytes, at + 8, len, StandardCharsets.UTF_8));
            at += 8 + len;
        }
        return frames;
    }

    /** The payloads of {@code stream} (1 stdout, 2 stderr) in {@code frames}, joined. */
    static String joined(List<String> frames, int stream) {
        StringBuilder out = new StringBuilder();
        frames.stream().filter(f -> f.startsWith(stream + ":")).forEach(f -> out.append(f.substring(2)));
        return out.toString();
    }

    @Override
    public void close() {
        server.close();
    }
}
