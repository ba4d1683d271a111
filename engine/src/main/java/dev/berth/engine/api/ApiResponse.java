package dev.berth.engine.api;

import java.util.Map;

/**
 * What a route handler answers: a whole body, a stream of chunks written as they come, or the
 * connection itself (hijacking). Errors are not answers: handlers throw {@link ApiException}.
 */
public sealed interface ApiResponse {

    /** A JSON body ({@code value} serialised, newline-terminated). */
    record Json(int status, Object value) implements ApiResponse {
    }

    /** A body of text with its own content type and extra headers ({@code OK} of /_ping). */
    record Text(int status, String contentType, String text, Map<String, String> headers) implements ApiResponse {
        public Text {
            headers = Map.copyOf(headers);
        }
    }

    /** A status with no body (204 No Content, 304 Not Modified). */
    record Empty(int status) implements ApiResponse {
    }

    /**
     * A chunked body: the status and headers are sent at once, before {@code body} runs; every
     * chunk it writes is flushed immediately (logs --follow, events, wait).
     *
     * @param headers extra headers sent with the head ({@code X-Docker-Container-Path-Stat})
     */
    record Stream(int status, String contentType, ChunkedBody body, Map<String, String> headers)
            implements ApiResponse {
        public Stream {
            headers = Map.copyOf(headers);
        }

        public Stream(int status, String contentType, ChunkedBody body) {
            this(status, contentType, body, Map.of());
        }
    }

    /**
     * The connection taken over as a raw bidirectional stream (attach, exec start): {@code 101
     * UPGRADED} with {@code Upgrade: tcp} when the client asked to upgrade, else {@code 200 OK}
     * with a body that runs until the connection closes (engine-api.md §2.3).
     */
    record Hijack(String contentType, HijackSession session) implements ApiResponse {
    }

    static ApiResponse json(Object value) {
        return new Json(200, value);
    }

    static ApiResponse json(int status, Object value) {
        return new Json(status, value);
    }

    static ApiResponse noContent() {
        return new Empty(204);
    }

    static ApiResponse notModified() {
        return new Empty(304);
    }

    static ApiResponse stream(String contentType, ChunkedBody body) {
        return new Stream(200, contentType, body);
    }

    static ApiResponse hijack(String contentType, HijackSession session) {
        return new Hijack(contentType, session);
    }
}
