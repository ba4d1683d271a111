package dev.berth.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.engine.EngineFixture;
import dev.berth.engine.RunRequest;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code GET /containers/{id}/logs} over a real socket against a real engine. */
class ContainerLogsIT {

    @RegisterExtension
    final EngineFixture fx = EngineFixture.withBusybox("bb");

    private StreamApi api;

    @BeforeEach
    void start() throws IOException {
        api = new StreamApi(fx.engine(), fx.base());
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private String ran(String script) {
        String id = fx.start(RunRequest.builder("bb").command("sh", "-c", script).build());
        fx.engine().waitFor(id);
        return id;
    }

    @Test
    void logs_areChunkedFrames_ofBothStreams_eachInOrder() throws IOException {
        String id = ran("echo one; echo two >&2; echo three");
        String answer = api.exchange("GET", "/v1.44/containers/" + id + "/logs?stdout=1&stderr=1&tail=all", null);
        assertThat(StreamApi.head(answer)).startsWith("HTTP/1.1 200 OK\r\n")
                .containsIgnoringCase("content-type: application/vnd.docker.multiplexed-stream\r\n")
                .containsIgnoringCase("transfer-encoding: chunked\r\n");
        // two pipes: the monitor may read either first, so only each stream's own order is fixed
        List<String> frames = StreamApi.frames(StreamApi.unchunk(StreamApi.body(answer)));
        assertThat(frames).containsExactlyInAnyOrder("1:one\n", "2:two\n", "1:three\n");
        assertThat(StreamApi.joined(frames, 1)).isEqualTo("one\nthree\n");
    }

    @Test
    void logs_beforeApi142_areLabelledRaw_butStillFramed() throws IOException {
        String id = ran("echo old");
        String answer = api.exchange("GET", "/v1.41/containers/" + id + "/logs?stdout=true&stderr=true", null);
        assertThat(StreamApi.head(answer)).containsIgnoringCase("content-type: application/vnd.docker.raw-stream\r\n");
        assertThat(StreamApi.frames(StreamApi.unchunk(StreamApi.body(answer)))).containsExactly("1:old\n");
    }

    @Test
    void logs_tailAndTimestamps_showTheLastEntriesWithTheirTimes() throws IOException {
        String id = ran("for i in 1 2 3 4; do echo line$i; done");
        String answer = api.exchange("GET", "/containers/" + id + "/logs?stdout=1&stderr=1&tail=2&timestamps=1", null);
        List<String> frames = StreamApi.frames(StreamApi.unchunk(StreamApi.body(answer)));
        assertThat(frames).hasSize(2);
        assertThat(frames.get(0)).matches("1:\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{9}Z line3\n");
        assertThat(frames.get(1)).matches("1:\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{9}Z line4\n");
    }

    @Test
    void logs_sinceTheFuture_areEmpty_andUntilThePast_areEmpty() throws IOException {
        String id = ran("echo x");
        long future = System.currentTimeMillis() / 1000 + 3600;
        assertThat(StreamApi.unchunk(StreamApi.body(api.exchange("GET", "/containers/" + id
                + "/logs?stdout=1&since=" + future + ".5", null)))).isEmpty();
        assertThat(StreamApi.unchunk(StreamApi.body(api.exchange("GET", "/containers/" + id
                + "/logs?stdout=1&until=1000000000", null)))).isEmpty();
        assertThat(StreamApi.unchunk(StreamApi.body(api.exchange("GET", "/containers/" + id
                + "/logs?stdout=1&since=1000000000&until=" + future, null)))).hasSize(8 + 2);
    }

    @Test
    void follow_streamsNewOutput_andEndsWhenTheContainerStops() throws IOException {
        String id = fx.start(RunRequest.builder("bb").command("sh", "-c",
                "echo first; while [ ! -f /tmp/go ]; do sleep 0.05; done; echo second").build());
        try (UnixHttp http = UnixHttp.connect(api.socket)) {
            http.send(UnixHttp.request("GET", "/containers/" + id + "/logs?follow=1&stdout=1&stderr=1", null,
                    "Connection: close\r\n"));
            http.readUntil("first\n", StreamApi.DEADLINE);
            fx.engine().exec(id, new dev.berth.engine.ExecRequest(List.of("touch", "/tmp/go"), List.of(), null, false));
            String answer = http.readToEnd();
            assertThat(StreamApi.frames(StreamApi.unchunk(StreamApi.body(answer)))).containsExactly("1:first\n", "1:second\n");
        }
    }

    @Test
    void follow_endsWhenTheClientGoes_andTheServerAnswersOn() throws IOException {
        String id = fx.start(RunRequest.builder("bb").command("sh", "-c", "echo up; sleep 1000").build());
        try (UnixHttp http = UnixHttp.connect(api.socket)) {
            http.send(UnixHttp.request("GET", "/containers/" + id + "/logs?follow=1&stdout=1", null, ""));
            http.readUntil("up\n", StreamApi.DEADLINE);
        }
        assertThat(api.exchange("GET", "/containers/" + id + "/logs?stdout=1", null)).contains("up\n");
    }

    @Test
    void follow_endsOnceUntilHasPassed_whileTheContainerRunsOn() throws IOException {
        String id = fx.start(RunRequest.builder("bb").command("sh", "-c", "echo up; sleep 1000").build());
        String until = String.format(Locale.ROOT, "%.3f", System.currentTimeMillis() / 1000.0 + 0.5);
        String answer = api.exchange("GET", "/containers/" + id + "/logs?follow=1&stdout=1&until=" + until, null);
        assertThat(StreamApi.frames(StreamApi.unchunk(StreamApi.body(answer)))).containsExactly("1:up\n");
        assertThat(fx.engine().inspect(id).running()).isTrue();
    }

    @Test
    void logs_withNoStream_orOfNoContainer_areRefusedBeforeStreaming() throws IOException {
        String id = ran("true");
        assertThat(api.exchange("GET", "/containers/" + id + "/logs", null)).startsWith("HTTP/1.1 400 ")
                .endsWith("{\"message\":\"Bad parameters: you must choose at least one stream\"}\n");
        assertThat(api.exchange("GET", "/containers/nosuch/logs?stdout=1", null)).startsWith("HTTP/1.1 404 ")
                .endsWith("{\"message\":\"No such container: nosuch\"}\n");
    }
}
