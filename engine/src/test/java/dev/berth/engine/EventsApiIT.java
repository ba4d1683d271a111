package dev.berth.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.engine.api.UnixHttp;
import dev.berth.engine.daemon.Daemon;
import dev.berth.engine.daemon.DaemonConfig;
import dev.berth.engine.daemon.DaemonSettings;
import dev.berth.engine.daemon.EngineRoutes;
import dev.berth.engine.layer.Trees;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code GET /events} of a daemon serving a real engine, read over its socket as raw HTTP and by
 * the docker CLI: container events with their labels, since/until, filters in both JSON shapes,
 * headers sent before any event.
 */
class EventsApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    final EngineFixture fx = EngineFixture.withBusybox("bb");

    private Path folder;
    private Path socket;
    private Daemon daemon;
    private String mark;

    @BeforeEach
    void serve() throws IOException {
        folder = Files.createTempDirectory("berth-events-it");
        socket = folder.resolve("run/berth.sock");
        Path empty = Files.writeString(folder.resolve("daemon.json"), "{}");
        DaemonConfig config = DaemonConfig.resolve(DaemonSettings.NONE.withHosts(List.of("unix://" + socket))
                .withDataRoot(fx.dataRoot).withPidFile(folder.resolve("run/berth.pid")), Map.of(), empty);
        daemon = Daemon.start(config, "0.1.0-test", EngineRoutes.serving(fx.engine));
        byte[] random = new byte[4];
        ThreadLocalRandom.current().nextBytes(random);
        mark = "events-it-" + HexFormat.of().formatHex(random);
    }

    @AfterEach
    void stop() throws IOException {
        if (daemon != null) {
            daemon.close();
        }
        Trees.deleteRecursively(folder);
    }

    private static String timestamp(Instant t) {
        return t.getEpochSecond() + "." + String.format("%09d", t.getNano());
    }

    private static String query(String filters) {
        return URLEncoder.encode(filters, StandardCharsets.UTF_8);
    }

    /** The JSON objects of a raw chunked answer, one per event line. */
    private static List<JsonNode> events(String answer) throws IOException {
        List<JsonNode> events = new ArrayList<>();
        for (String line : answer.split("\n")) {
            String l = line.strip();
            if (l.startsWith("{")) {
                events.add(JSON.readTree(l));
            }
        }
        return events;
    }

    private String runLabelled(String value, int exitCode) {
        String id = fx.engine.create(RunRequest.builder("bb").command("sh", "-c", "exit " + exitCode)
                .label("test.mark", value).label("test.kind", "events").build());
        fx.engine.start(id);
        fx.engine.waitFor(id);
        return id;
    }

    @Test
    void sinceUntil_replayCreateStartDie_withNameImageAndLabels() throws IOException {
        Instant since = Instant.now();
        String id = runLabelled(mark, 3);
        Instant until = Instant.now();

        String answer = UnixHttp.exchange(socket, "GET", "/v1.44/events?since=" + timestamp(since) + "&until="
                + timestamp(until), null);

        assertThat(answer).startsWith("HTTP/1.1 200 OK").containsIgnoringCase("Transfer-Encoding: chunked");
        List<JsonNode> mine = events(answer).stream().filter(e -> e.path("id").asText().equals(id)).toList();
        assertThat(mine).extracting(e -> e.get("Action").asText()).containsExactly("create", "start", "die");
        JsonNode die = mine.get(2);
        assertThat(die.get("status").asText()).isEqualTo("die");
        assertThat(die.get("from").asText()).isEqualTo("bb");
        assertThat(die.get("Type").asText()).isEqualTo("container");
        assertThat(die.get("scope").asText()).isEqualTo("local");
        assertThat(die.get("time").asLong()).isEqualTo(die.get("timeNano").asLong() / 1_000_000_000L);
        JsonNode attributes = die.get("Actor").get("Attributes");
        assertThat(die.get("Actor").get("ID").asText()).isEqualTo(id);
        assertThat(attributes.get("test.mark").asText()).isEqualTo(mark);
        assertThat(attributes.get("image").asText()).isEqualTo("bb");
        assertThat(attributes.get("name").asText()).isEqualTo(fx.engine.inspect(id).name());
        assertThat(attributes.get("exitCode").asText()).isEqualTo("3");
    }

    @Test
    void labelFilter_inBothShapes_keepsOnlyTheLabelledContainersEvents() throws IOException {
        Instant since = Instant.now();
        String mine = runLabelled(mark, 0);
        String other = runLabelled(mark + "-other", 0);
        Instant until = Instant.now();
        String range = "since=" + timestamp(since) + "&until=" + timestamp(until);

        for (String filters : List.of("{\"label\":[\"test.mark=" + mark + "\"]}",
                "{\"label\":{\"test.mark=" + mark + "\":true,\"test.kind\":true}}")) {
            List<JsonNode> events = events(UnixHttp.exchange(socket, "GET", "/events?" + range + "&filters="
                    + query(filters), null));
            assertThat(events).as(filters).extracting(e -> e.get("id").asText()).containsOnly(mine);
            assertThat(events).as(filters).extracting(e -> e.get("Action").asText())
                    .containsExactly("create", "start", "die");
        }
        List<JsonNode> both = events(UnixHttp.exchange(socket, "GET", "/events?" + range + "&filters="
                + query("{\"label\":[\"test.kind=events\"],\"event\":[\"die\"]}"), null));
        assertThat(both).extracting(e -> e.get("id").asText()).containsExactly(mine, other);
    }

    @Test
    void stream_sendsHeadersAtOnce_thenEachEventAsItHappens() throws IOException {
        try (UnixHttp http = UnixHttp.connect(socket)) {
            http.send(UnixHttp.request("GET", "/events?filters=" + query("{\"label\":[\"test.mark=" + mark + "\"]}"),
                    null, ""));
            String head = http.readUntil("\r\n\r\n", Duration.ofSeconds(10));
            assertThat(head).startsWith("HTTP/1.1 200 OK").containsIgnoringCase("Content-Type: application/json");

            String id = runLabelled(mark, 0);

            String received = http.readUntil("\"Action\":\"die\"", Duration.ofSeconds(10));
            assertThat(events(received)).extracting(e -> e.get("id").asText()).containsOnly(id);
        }
    }

    @Test
    void badTimestamp_isRefusedBeforeTheStream() throws IOException {
        String answer = UnixHttp.exchange(socket, "GET", "/events?since=10m", null);

        assertThat(answer).startsWith("HTTP/1.1 400 Bad Request")
                .contains("{\"message\":\"invalid value for since: \\\"10m\\\" is not a unix timestamp");
    }

    @Test
    void dockerCli_events_sinceUntil_withALabelFilter() throws Exception {
        Instant since = Instant.now();
        String id = runLabelled(mark, 0);
        runLabelled(mark + "-other", 0);
        Instant until = Instant.now();

        ProcessBuilder pb = new ProcessBuilder("docker", "events", "--since", timestamp(since), "--until",
                timestamp(until), "--filter", "label=test.mark=" + mark, "--format", "{{.Action}} {{.Actor.ID}}")
                .redirectErrorStream(true);
        pb.environment().put("DOCKER_HOST", "unix://" + socket);
        pb.environment().put("DOCKER_CONFIG", folder.resolve("docker-config").toString());
        Process docker = pb.start();
        String out = new String(docker.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(docker.waitFor()).as(out).isZero();
        assertThat(out.lines()).containsExactly("create " + id, "start " + id, "die " + id);
    }
}
