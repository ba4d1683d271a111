package dev.berth.cli.clients;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * berth's OpenAPI description of the API it serves ({@code schemas/engine-api.yaml}), used to check
 * what real clients received: each recorded response must be one the description lists for its
 * route and method, and a JSON body (each line of a JSON-lines stream) must match its schema.
 */
final class EngineApiSchema {

    static final Path FILE = Path.of("..", "schemas", "engine-api.yaml").toAbsolutePath().normalize();
    private static final String BASE = "https://berth.invalid/engine-api.json";
    private static final Pattern VERSION_PREFIX = Pattern.compile("^/v[0-9][0-9A-Za-z.-]*(/.*)$");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode document;
    private final JsonSchemaFactory factory;
    private final List<Route> routes = new ArrayList<>();

    private record Route(String template, Pattern pattern) {
    }

    private EngineApiSchema(JsonNode document) {
        this.document = document;
        this.factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                builder -> builder.schemaLoaders(loaders -> loaders.schemas(Map.of(BASE, document.toString()))));
        for (Iterator<String> it = document.path("paths").fieldNames(); it.hasNext(); ) {
            String template = it.next();
            // an image name may hold slashes (library/busybox), an ID or a volume name may not
            String regex = Pattern.quote(template).replace("{id}", "\\E[^/]+\\Q").replace("{name}", "\\E.+\\Q");
            routes.add(new Route(template, Pattern.compile("^" + regex + "$")));
        }
        // the most literal route wins: /images/json before /images/{name}/json would match it
        routes.sort((a, b) -> Long.compare(a.template.chars().filter(c -> c == '{').count(),
                b.template.chars().filter(c -> c == '{').count()));
    }

    static EngineApiSchema load() {
        try {
            Object yaml = new Load(LoadSettings.builder().build()).loadFromString(Files.readString(FILE));
            return new EngineApiSchema(JSON.valueToTree(yaml));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + FILE, e);
        }
    }

    /** The route templates the description lists, e.g. {@code /containers/{id}/json}. */
    Set<String> templates() {
        Set<String> all = new TreeSet<>();
        routes.forEach(r -> all.add(r.template));
        return all;
    }

    /** The methods the description lists for a route template, in lower case. */
    Set<String> methods(String template) {
        Set<String> all = new TreeSet<>();
        document.path("paths").path(template).fieldNames().forEachRemaining(all::add);
        return all;
    }

    /**
     * What is wrong with one recorded exchange, or nothing: the route, the method and the status
     * must be described, and a JSON body must match the response's schema.
     */
    List<String> check(RecordingProxy.Exchange exchange) {
        String path = routePath(exchange.path());
        String where = exchange.method() + " " + exchange.path() + " -> " + exchange.status();
        Route route = routes.stream().filter(r -> r.pattern.matcher(path).matches()).findFirst().orElse(null);
        if (route == null) {
            // a client probing what berth does not serve (docker inspect tries networks and plugins)
            // gets Docker's answer for an unknown route: that is a described answer too
            return exchange.status() == 404 && isPageNotFound(exchange.body()) ? List.of()
                    : List.of(where + ": the route is not in " + FILE.getFileName());
        }
        JsonNode operation = document.path("paths").path(route.template).path(exchange.method().toLowerCase());
        if (operation.isMissingNode()) {
            return List.of(where + ": " + exchange.method() + " is not described for " + route.template);
        }
        JsonNode response = operation.path("responses").path(Integer.toString(exchange.status()));
        if (response.isMissingNode()) {
            return List.of(where + ": status " + exchange.status() + " is not described for " + exchange.method() + " "
                    + route.template);
        }
        String pointer = "/paths/" + escape(route.template) + "/" + exchange.method().toLowerCase() + "/responses/"
                + exchange.status();
        JsonNode ref = response.path("$ref");
        if (ref.isTextual()) {
            pointer = ref.asText().substring(1);
            response = document.at(pointer);
        }
        JsonNode content = response.path("content").path("application/json");
        if (content.isMissingNode() || !exchange.contentType().startsWith("application/json")) {
            return List.of();
        }
        JsonSchema schema = factory.getSchema(SchemaLocation.of(BASE + "#" + pointer + "/content/application~1json/schema"));
        List<String> problems = new ArrayList<>();
        for (String document : jsonDocuments(exchange.body())) {
            try {
                for (ValidationMessage m : schema.validate(JSON.readTree(document))) {
                    problems.add(where + ": " + m.getMessage() + " in " + abbreviate(document));
                }
            } catch (IOException e) {
                problems.add(where + ": the body is not JSON (" + e.getMessage() + "): " + abbreviate(document));
            }
        }
        return problems;
    }

    private static boolean isPageNotFound(byte[] body) {
        try {
            return JSON.readTree(body).path("message").asText().equals("page not found");
        } catch (IOException e) {
            return false;
        }
    }

    /** The path without its query and its {@code /v1.NN} prefix. */
    private static String routePath(String target) {
        int query = target.indexOf('?');
        String path = query >= 0 ? target.substring(0, query) : target;
        var versioned = VERSION_PREFIX.matcher(path);
        return versioned.matches() ? versioned.group(1) : path;
    }

    /** A whole JSON body, or each line of a JSON-lines stream (events, load and pull progress, stats). */
    private static List<String> jsonDocuments(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).strip();
        if (text.isEmpty()) {
            return List.of();
        }
        List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
        return lines.size() > 1 && lines.stream().allMatch(l -> l.startsWith("{")) ? lines : List.of(text);
    }

    private static String escape(String template) {
        return template.replace("~", "~0").replace("/", "~1");
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
