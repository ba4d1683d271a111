package dev.berth.engine.api;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One request as a route handler sees it: the method, the path without its {@code /v1.NN}
 * prefix, the API version the client asked for ({@link ApiVersion#CURRENT} when unversioned),
 * the decoded path parameters, the query, the headers (names in lower case) and the body: whole
 * (already capped in size by the server) for ordinary routes, as a stream that is still arriving
 * for streaming routes ({@link Router#addStreaming}).
 *
 * @param body       the whole body; empty for a streaming route
 * @param bodyStream the body as it arrives (streaming routes), or the whole body as a stream
 */
public record ApiRequest(String method, String path, ApiVersion version, Map<String, String> pathParams,
                         QueryParams query, Map<String, String> headers, byte[] body, InputStream bodyStream) {

    public ApiRequest {
        pathParams = Map.copyOf(pathParams);
        headers = Map.copyOf(headers);
        if (bodyStream == null) {
            bodyStream = new ByteArrayInputStream(body);
        }
    }

    /** A request whose body was read whole. */
    public ApiRequest(String method, String path, ApiVersion version, Map<String, String> pathParams,
                      QueryParams query, Map<String, String> headers, byte[] body) {
        this(method, path, version, pathParams, query, headers, body, null);
    }

    /**
     * A path parameter declared in the route pattern ({@code {id}} in {@code /containers/{id}/json}).
     *
     * @throws IllegalArgumentException when the route declares no such parameter (a bug in the route)
     */
    public String param(String name) {
        String value = pathParams.get(name);
        if (value == null) {
            throw new IllegalArgumentException("the route " + path + " has no path parameter {" + name + "}");
        }
        return value;
    }

    /** A request header; the name in any case. */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    /** True when the client asked to take over the connection ({@code Upgrade: tcp}), as the docker CLI does for attach and exec. */
    public boolean wantsUpgrade() {
        return header("upgrade").isPresent();
    }

    public boolean hasBody() {
        return body.length > 0;
    }

    /**
     * The body as a JSON tree; an empty body reads as an empty object.
     *
     * @throws ApiException 400 when the body is not JSON
     */
    public JsonNode jsonTree() {
        if (!hasBody()) {
            return ApiJson.MAPPER.createObjectNode();
        }
        try {
            return ApiJson.MAPPER.readTree(body);
        } catch (IOException e) {
            throw invalidJson(e);
        }
    }

    /**
     * The body read as {@code type} (a wire-format record of the route group).
     *
     * @throws ApiException 400 when the body is missing, not JSON, or not shaped as {@code type}
     */
    public <T> T json(Class<T> type) {
        if (!hasBody()) {
            throw ApiException.badRequest("invalid JSON: the request has no body; a JSON object was expected");
        }
        try {
            return ApiJson.MAPPER.readValue(body, type);
        } catch (IOException e) {
            throw invalidJson(e);
        }
    }

    private static ApiException invalidJson(IOException e) {
        String why = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
        return new ApiException(400, "invalid JSON: " + why, e);
    }
}
