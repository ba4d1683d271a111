package dev.berth.engine.api;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.netty.handler.codec.http.QueryStringDecoder;

/**
 * The route table: each route is served both at its path and under a {@code /v{version}} prefix,
 * the version checked against what berth supports (engine-api.md §2.1).
 *
 * <p>Patterns name their parameters: {@code {id}} takes one path segment, {@code {name*}} one or
 * more (image names hold slashes). Parameters are URL-decoded; a decoded parameter that holds a
 * {@code .} or {@code ..} segment, a NUL or, for {@code {id}}, a slash is refused with 400, so no
 * handler ever sees a path-traversal name.
 */
public final class Router {

    private static final Pattern VERSIONED = Pattern.compile("^/v([^/]+)(/.*)$");
    private static final Pattern PARAM = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)(\\*?)}");

    private final List<Route> routes = new ArrayList<>();

    /** A route and what a request's path gave for it. */
    public record Match(Route route, ApiVersion version, String path, Map<String, String> params) {
    }

    /** How the server hands a route its request body. */
    public enum BodyMode {
        /** The whole body, read before the handler runs and capped in size ({@link ApiRequest#body()}). */
        AGGREGATED,
        /** A stream fed as the body arrives, of any size ({@link ApiRequest#bodyStream()}). */
        STREAMED,
        /** The body and every later byte as the raw input of a hijacked connection. */
        HIJACKED
    }

    /**
     * One registered route. A hijacking route may answer {@link ApiResponse.Hijack}: the server
     * stops reading HTTP on its connection as soon as the request is read, so that the client's
     * first raw bytes are not taken for a next request. A streaming route gets its body as it
     * arrives instead of whole.
     */
    public record Route(String method, String pattern, Pattern regex, List<String> params, RouteHandler handler,
                        BodyMode body) {

        public boolean hijacking() {
            return body == BodyMode.HIJACKED;
        }

        public boolean streaming() {
            return body == BodyMode.STREAMED;
        }
    }

    /** Every registered route, in the order of registration. */
    public List<Route> routes() {
        return List.copyOf(routes);
    }

    public Router add(RouteGroup group) {
        group.register(this);
        return this;
    }

    public Router get(String pattern, RouteHandler handler) {
        return add("GET", pattern, handler);
    }

    public Router head(String pattern, RouteHandler handler) {
        return add("HEAD", pattern, handler);
    }

    public Router post(String pattern, RouteHandler handler) {
        return add("POST", pattern, handler);
    }

    public Router put(String pattern, RouteHandler handler) {
        return add("PUT", pattern, handler);
    }

    public Router delete(String pattern, RouteHandler handler) {
        return add("DELETE", pattern, handler);
    }

    /** A POST route that reads its body as it arrives ({@link #addStreaming}). */
    public Router postStreaming(String pattern, RouteHandler handler) {
        return addStreaming("POST", pattern, handler);
    }

    /** A PUT route that reads its body as it arrives ({@link #addStreaming}). */
    public Router putStreaming(String pattern, RouteHandler handler) {
        return addStreaming("PUT", pattern, handler);
    }

    /**
     * Registers {@code handler} for {@code method} on {@code pattern}.
     *
     * @throws IllegalArgumentException when the same method and pattern are already registered
     */
    public Router add(String method, String pattern, RouteHandler handler) {
        return add(method, pattern, handler, BodyMode.AGGREGATED);
    }

    /**
     * Registers a route whose handler reads the request body from {@link ApiRequest#bodyStream()}
     * while it arrives, with no size cap (image archives, {@code docker cp} tars). A handler that
     * answers before reading the whole body ends the connection after its answer.
     */
    public Router addStreaming(String method, String pattern, RouteHandler handler) {
        return add(method, pattern, handler, BodyMode.STREAMED);
    }

    /**
     * Registers a route whose handler may take over the connection (attach, exec start) by
     * answering {@link ApiResponse#hijack}; any other answer closes the connection after it.
     */
    public Router addHijacking(String method, String pattern, RouteHandler handler) {
        return add(method, pattern, handler, BodyMode.HIJACKED);
    }

    private synchronized Router add(String method, String pattern, RouteHandler handler, BodyMode body) {
        if (!pattern.startsWith("/")) {
            throw new IllegalArgumentException("route pattern " + pattern + " must start with /");
        }
        for (Route route : routes) {
            if (route.method().equals(method) && route.pattern().equals(pattern)) {
                throw new IllegalArgumentException("route " + method + " " + pattern + " is registered twice");
            }
        }
        StringBuilder regex = new StringBuilder("^");
        List<String> params = new ArrayList<>();
        Matcher m = PARAM.matcher(pattern);
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(pattern.substring(last, m.start())));
            regex.append(m.group(2).isEmpty() ? "([^/]+)" : "(.+)");
            params.add(m.group(1) + m.group(2));
            last = m.end();
        }
        regex.append(Pattern.quote(pattern.substring(last))).append('$');
        routes.add(new Route(method, pattern, Pattern.compile(regex.toString()), List.copyOf(params), handler, body));
        return this;
    }

    /**
     * Finds the route for {@code method} and the raw (still URL-encoded) {@code rawPath}.
     *
     * @throws ApiException 404 {@code page not found} when no route matches; 400 when the
     *                      version prefix is outside what berth supports or a path parameter
     *                      tries to leave its place
     */
    public Match resolve(String method, String rawPath) {
        Match match = find(method, rawPath, null);
        Matcher versioned = VERSIONED.matcher(rawPath);
        if (match == null && versioned.matches() && ApiVersion.isVersion(versioned.group(1))) {
            ApiVersion version = new ApiVersion(versioned.group(1));
            match = find(method, versioned.group(2), version);
            if (match != null) {
                checkSupported(version);
            }
        }
        if (match == null) {
            throw ApiException.notFound("page not found");
        }
        return match;
    }

    private static void checkSupported(ApiVersion version) {
        if (version.isOlderThan(ApiVersion.MINIMUM)) {
            throw ApiException.badRequest("client version " + version + " is too old. Minimum supported API version is "
                    + ApiVersion.MINIMUM + ", please upgrade your client to a newer version");
        }
        if (version.isNewerThan(ApiVersion.CURRENT)) {
            throw ApiException.badRequest("client version " + version
                    + " is too new. Maximum supported API version is " + ApiVersion.CURRENT);
        }
    }

    private synchronized Match find(String method, String path, ApiVersion version) {
        for (Route route : routes) {
            if (!route.method().equals(method)) {
                continue;
            }
            Matcher m = route.regex().matcher(path);
            if (m.matches()) {
                refuseDotSegments(path);
                Map<String, String> params = new LinkedHashMap<>();
                for (int i = 0; i < route.params().size(); i++) {
                    String declared = route.params().get(i);
                    boolean multi = declared.endsWith("*");
                    String name = multi ? declared.substring(0, declared.length() - 1) : declared;
                    params.put(name, decodeParam(name, m.group(i + 1), multi));
                }
                return new Match(route, version == null ? ApiVersion.CURRENT : version, path, params);
            }
        }
        return null;
    }

    private static void refuseDotSegments(String path) {
        for (String segment : path.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                throw ApiException.badRequest("invalid path " + path + ": \".\" and \"..\" segments are not allowed");
            }
        }
    }

    private static String decodeParam(String name, String raw, boolean multi) {
        String value;
        try {
            // '+' is a literal plus in a path; Netty's decoder would read it as a space (form encoding).
            value = QueryStringDecoder.decodeComponent(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid " + name + " \"" + raw + "\": not a valid URL-encoded value");
        }
        String why = null;
        if (value.indexOf('\0') >= 0) {
            why = "it contains a NUL byte";
        } else if (!multi && value.contains("/")) {
            why = "it contains a \"/\"";
        } else {
            for (String segment : value.split("/", -1)) {
                if (segment.equals(".") || segment.equals("..")) {
                    why = "it contains a \"" + segment + "\" path segment";
                } else if (segment.isEmpty()) {
                    why = "it contains an empty path segment";
                }
            }
        }
        if (why != null) {
            throw ApiException.badRequest("invalid " + name + " \"" + value.replace("\0", "\\0") + "\": " + why);
        }
        return value;
    }
}
