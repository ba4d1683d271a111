package dev.berth.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.engine.EngineFixture;
import dev.berth.engine.RunRequest;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code POST /containers/{id}/attach} and resize over a real socket against a real engine. */
class ContainerAttachIT {

    private static final String UPGRADE = "Upgrade: tcp\r\nConnection: Upgrade\r\nContent-Length: 0\r\n";

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

    private UnixHttp attach(String id, String query, String stdin) throws IOException {
        UnixHttp http = UnixHttp.connect(api.socket);
        http.send(UnixHttp.request("POST", "/v1.44/containers/" + id + "/attach?" + query, null, UPGRADE) + stdin);
        http.readUntil("\r\n\r\n", StreamApi.DEADLINE);
        return http;
    }

    @Test
    void attach_beforeStart_getsEveryFrameOfTheRun_andEndsWhenTheContainerExits() throws IOException {
        String id = fx.engine().create(RunRequest.builder("bb").command("sh", "-c", "echo out; echo err >&2; exit 5")
                .build());
        try (UnixHttp http = attach(id, "stream=1&stdout=1&stderr=1", "")) {
            fx.engine().start(id);
            String answer = http.readToEnd();
            assertThat(StreamApi.head(answer)).startsWith("HTTP/1.1 101 UPGRADED\r\n"
                    + "Content-Type: application/vnd.docker.multiplexed-stream\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n");
            assertThat(StreamApi.frames(StreamApi.body(answer))).containsExactlyInAnyOrder("1:out\n", "2:err\n");
        }
    }

    @Test
    void attach_withStdin_feedsAnOpenStdinContainer_andTheHalfCloseEndsItsInputWhenStdinOnce() throws IOException {
        String id = fx.engine().create(RunRequest.builder("bb").command("sh", "-c", "cat; echo done")
                .openStdin(true).stdinOnce(true).build());
        try (UnixHttp http = attach(id, "stream=1&stdin=1&stdout=1&stderr=1", "sent-before-start\n")) {
            fx.engine().start(id);
            http.readUntil("sent-before-start\n", StreamApi.DEADLINE);
            http.send("later\n");
            http.readUntil("later\n", StreamApi.DEADLINE);
            http.shutdownOutput();
            assertThat(StreamApi.joined(StreamApi.frames(StreamApi.body(http.readToEnd())), 1))
                    .isEqualTo("sent-before-start\nlater\ndone\n");
        }
        assertThat(fx.engine().waitFor(id)).isZero();
    }

    @Test
    void attach_withLogs_replaysTheEarlierRunsFirst_withoutUpgradeAsRawContentType() throws IOException {
        String id = fx.engine().create(RunRequest.builder("bb").command("echo", "run").build());
        fx.engine().start(id);
        fx.engine().waitFor(id);
        try (UnixHttp http = UnixHttp.connect(api.socket)) {
            http.send(UnixHttp.request("POST", "/containers/" + id + "/attach?logs=1&stream=1&stdout=1", null,
                    "Content-Length: 0\r\n"));
            http.readUntil("run\n", StreamApi.DEADLINE);
            fx.engine().start(id);
            String answer = http.readToEnd();
            assertThat(StreamApi.head(answer)).startsWith("HTTP/1.1 200 OK\r\nContent-Type: application/vnd.docker.raw-stream\r\n");
            assertThat(StreamApi.frames(StreamApi.body(answer))).containsExactly("1:run\n", "1:run\n");
        }
    }

    @Test
    void attach_toNoContainer_orAPausedOne_isRefusedBeforeTheTakeover() throws IOException {
        assertThat(api.exchange("POST", "/containers/nosuch/attach?stream=1&stdout=1", null)).startsWith("HTTP/1.1 404 ")
                .endsWith("{\"message\":\"No such container: nosuch\"}\n");
        String id = fx.start(RunRequest.builder("bb").command("sleep", "1000").build());
        fx.engine().pause(id);
        assertThat(api.exchange("POST", "/containers/" + id + "/attach?stream=1&stdout=1", null))
                .startsWith("HTTP/1.1 409 ")
                .endsWith("{\"message\":\"You cannot attach to a paused container, unpause it first\"}\n");
        fx.engine().unpause(id);
    }

    @Test
    void tty_outputIsRawWithCarriageReturns_inAttachAndInLogs() throws IOException {
        String id = fx.engine().create(RunRequest.builder("bb").command("sh", "-c", "echo hi; tty").tty(true).build());
        try (UnixHttp http = attach(id, "stream=1&stdout=1&stderr=1", "")) {
            fx.engine().start(id);
            String answer = http.readToEnd();
            assertThat(StreamApi.head(answer)).contains("Content-Type: application/vnd.docker.raw-stream\r\n");
            assertThat(StreamApi.body(answer)).matches("hi\r\n/dev/pts/\\d+\r\n");
        }
        String logs = api.exchange("GET", "/containers/" + id + "/logs?stdout=1&stderr=1", null);
        assertThat(logs).containsIgnoringCase("content-type: application/vnd.docker.raw-stream\r\n");
        assertThat(StreamApi.unchunk(StreamApi.body(logs))).matches("hi\r\n/dev/pts/\\d+\r\n");
    }

    @Test
    void tty_withOpenStdin_readsTheClientsKeys_andResizeSetsTheWindow() throws IOException {
        String id = fx.engine().create(RunRequest.builder("bb").command("sh", "-c",
                "while read line; do echo \"got:$line $(stty size)\"; done").tty(true).openStdin(true).build());
        try (UnixHttp http = attach(id, "stream=1&stdin=1&stdout=1&stderr=1", "")) {
            fx.engine().start(id);
            EngineFixture.await("the container to run", () -> fx.engine().inspect(id).running());
            assertThat(api.exchange("POST", "/containers/" + id + "/resize?h=30&w=100", null))
                    .startsWith("HTTP/1.1 200 OK\r\n");
            http.send("abc\n");
            assertThat(http.readUntil("got:abc 30 100\r\n", StreamApi.DEADLINE)).contains("abc\r\n");
        }
    }

    @Test
    void resize_ofAContainerNotRunning_isAConflict_andBadSizesAreRefused() throws IOException {
        String id = fx.engine().create(RunRequest.builder("bb").command("true").tty(true).build());
        assertThat(api.exchange("POST", "/containers/" + id + "/resize?h=1&w=1", null)).startsWith("HTTP/1.1 409 ")
                .endsWith("{\"message\":\"Container " + id + " is not running\"}\n");
        assertThat(api.exchange("POST", "/containers/" + id + "/resize?h=x&w=1", null)).startsWith("HTTP/1.1 400 ")
                .endsWith("{\"message\":\"invalid resize parameter h=\\\"x\\\": expected a number of rows from 0 to 65535\"}\n");
    }

    @Test
    void execWithTty_runsOnATerminalOfTheContainer_andItsResizeSetsTheWindow() throws IOException {
        String id = fx.start(RunRequest.builder("bb").command("sleep", "1000").build());
        String exec = api.json(api.exchange("POST", "/containers/" + id + "/exec", "{\"Cmd\":[\"sh\",\"-c\","
                + "\"tty; while read line; do echo \\\"got:$line $(stty size)\\\"; done\"],\"AttachStdin\":true,"
                + "\"AttachStdout\":true,\"AttachStderr\":true,\"Tty\":true}"), 201).get("Id").asText();
        try (UnixHttp http = UnixHttp.connect(api.socket)) {
            http.send(UnixHttp.request("POST", "/exec/" + exec + "/start", "{\"Detach\":false,\"Tty\":true}",
                    "Upgrade: tcp\r\nConnection: Upgrade\r\n"));
            String head = http.readUntil("\r\n", StreamApi.DEADLINE);
            assertThat(head).startsWith("HTTP/1.1 101 UPGRADED\r\nContent-Type: application/vnd.docker.raw-stream\r\n");
            try {
                http.readUntil("/dev/pts/", StreamApi.DEADLINE);
            } catch (IOException e) {
                throw new AssertionError(api.exchange("GET", "/exec/" + exec + "/json", null), e);
            }
            assertThat(api.exchange("POST", "/exec/" + exec + "/resize?h=20&w=60", null)).startsWith("HTTP/1.1 200 OK\r\n");
            http.send("abc\n");
            http.readUntil("got:abc 20 60\r\n", StreamApi.DEADLINE);
            http.send("\u0004");
            assertThat(http.readToEnd()).contains("got:abc 20 60\r\n");
        }
        EngineFixture.await("the exec's exit code", () -> {
            try {
                return api.json(api.exchange("GET", "/exec/" + exec + "/json", null), 200).get("ExitCode").asInt(-1) == 0;
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
    }
}
