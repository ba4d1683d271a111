package dev.berth.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.engine.EngineFixture;
import dev.berth.engine.RunRequest;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The exec routes over a real socket against a real engine: create, start (hijacked), inspect. */
class ExecRoutesIT {

    @RegisterExtension
    final EngineFixture fx = EngineFixture.withBusybox("bb");

    private StreamApi api;
    private String container;

    @BeforeEach
    void start() throws IOException {
        api = new StreamApi(fx.engine(), fx.base());
        container = fx.start(RunRequest.builder("bb").command("sleep", "1000").build());
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private String create(String body) throws IOException {
        return api.json(api.exchange("POST", "/v1.44/containers/" + container + "/exec", body), 201).get("Id").asText();
    }

    private JsonNode inspect(String exec) throws IOException {
        return api.json(api.exchange("GET", "/v1.44/exec/" + exec + "/json", null), 200);
    }

    @Test
    void start_withUpgrade_streamsFramedStdoutAndStderr_andRecordsTheExitCodeBeforeClosing() throws IOException {
        String exec = create("{\"Cmd\":[\"sh\",\"-c\",\"echo out; echo err >&2; exit 3\"],\"AttachStdin\":false,"
                + "\"AttachStdout\":true,\"AttachStderr\":true,\"Tty\":false,\"Env\":null,\"User\":null}");
        assertThat(inspect(exec).get("Running").asBoolean()).isFalse();
        assertThat(inspect(exec).get("ExitCode").isNull()).isTrue();
        String answer;
        try (UnixHttp http = UnixHttp.connect(api.socket)) {
            http.send(UnixHttp.request("POST", "/v1.44/exec/" + exec + "/start", "{\"Detach\":false,\"Tty\":false}",
                    "Upgrade: tcp\r\nConnection: Upgrade\r\n"));
            answer = http.readToEnd();
        }
        assertThat(StreamApi.head(answer)).startsWith("HTTP/1.1 101 UPGRADED\r\n"
                + "Content-Type: application/vnd.docker.multiplexed-stream\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n");
        List<String> frames = StreamApi.frames(StreamApi.body(answer));
        assertThat(StreamApi.joined(frames, 1)).isEqualTo("out\n");
        assertThat(StreamApi.joined(frames, 2)).isEqualTo("err\n");
        JsonNode done = inspect(exec);
        assertThat(done.get("ExitCode").asInt()).isEqualTo(3);
        assertThat(done.get("Running").asBoolean()).isFalse();
        assertThat(done.get("ContainerID").asText()).isEqualTo(container);
        assertThat(done.get("ProcessConfig").get("entrypoint").asText()).isEqualTo("sh");
        assertThat(done.get("ProcessConfig").get("arguments").get(0).asText()).isEqualTo("-c");
    }

    @Test
    void start_withStdin_passesTheClientsBytes_andHalfCloseEndsTheProcessInput() throws IOException {
        String exec = create("{\"Cmd\":[\"sh\",\"-c\",\"cat; echo after-eof\"],\"AttachStdin\":true,"
                + "\"AttachStdout\":true,\"AttachStderr\":true}");
        try (UnixHttp http = UnixHttp.connect(api.socket)) {
            http.send(UnixHttp.request("POST", "/exec/" + exec + "/start", "{\"Detach\":null,\"Tty\":null}",
                    "Upgrade: tcp\r\nConnection: Upgrade\r\n") + "with-head\n");
            http.readUntil("with-head\n", StreamApi.DEADLINE);
            http.send("later\n");
            http.readUntil("later\n", StreamApi.DEADLINE);
            http.shutdownOutput();
            List<String> frames = StreamApi.frames(StreamApi.body(http.readToEnd()));
            assertThat(StreamApi.joined(frames, 1)).isEqualTo("with-head\nlater\nafter-eof\n");
        }
        assertThat(inspect(exec).get("ExitCode").asInt()).isZero();
    }

    @Test
    void start_withoutUpgrade_answers200WithARawContentTypeAndFramesUntilClose() throws IOException {
        String exec = create("{\"Cmd\":[\"echo\",\"plain\"],\"AttachStdout\":true,\"AttachStderr\":true}");
        String answer = api.exchange("POST", "/exec/" + exec + "/start", "{}");
        assertThat(StreamApi.head(answer)).startsWith("HTTP/1.1 200 OK\r\nContent-Type: application/vnd.docker.raw-stream\r\n");
        assertThat(StreamApi.frames(StreamApi.body(answer))).containsExactly("1:plain\n");
    }

    @Test
    void start_asUser_resolvesTheNameInTheContainersOwnPasswdAndGroup() throws IOException {
        String exec = create("{\"Cmd\":[\"id\"],\"AttachStdout\":true,\"User\":\"user\",\"WorkingDir\":\"/tmp\"}");
        String answer = api.exchange("POST", "/exec/" + exec + "/start", "{}");
        assertThat(StreamApi.joined(StreamApi.frames(StreamApi.body(answer)), 1))
                .startsWith("uid=1000(user) gid=1000(user)").contains("50(staff)");
    }

    @Test
    void start_detached_runsInTheBackground_andTheExitCodeIsRecorded() throws IOException {
        String exec = create("{\"Cmd\":[\"sh\",\"-c\",\"exit 4\"]}");
        assertThat(api.exchange("POST", "/exec/" + exec + "/start", "{\"Detach\":true}")).startsWith("HTTP/1.1 200 OK\r\n");
        EngineFixture.await("the detached exec to end", () -> {
            try {
                return inspect(exec).get("ExitCode").asInt(-1) == 4;
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
    }

    @Test
    void startTwice_isAConflict_andUnknownIdsAreNotFound() throws IOException {
        String exec = create("{\"Cmd\":[\"true\"]}");
        api.exchange("POST", "/exec/" + exec + "/start", "{}");
        assertThat(api.exchange("POST", "/exec/" + exec + "/start", "{}")).startsWith("HTTP/1.1 409 ")
                .endsWith("{\"message\":\"Error: Exec command " + exec + " has already run\"}\n");
        assertThat(api.exchange("GET", "/exec/nosuch/json", null)).startsWith("HTTP/1.1 404 ")
                .endsWith("{\"message\":\"No such exec instance: nosuch\"}\n");
        assertThat(api.exchange("POST", "/containers/nosuch/exec", "{\"Cmd\":[\"true\"]}")).startsWith("HTTP/1.1 404 ")
                .endsWith("{\"message\":\"No such container: nosuch\"}\n");
        assertThat(api.exchange("POST", "/containers/" + container + "/exec", "{\"Cmd\":[]}"))
                .startsWith("HTTP/1.1 400 ").endsWith("{\"message\":\"No exec command specified\"}\n");
    }

    @Test
    void instances_goWithTheirContainer() throws IOException {
        String exec = create("{\"Cmd\":[\"true\"]}");
        fx.engine().remove(container, true, true);
        assertThat(api.exchange("GET", "/exec/" + exec + "/json", null)).startsWith("HTTP/1.1 404 ");
    }

    @Test
    void create_inAStoppedContainer_isAConflict() throws IOException {
        fx.engine().stop(container, java.time.Duration.ZERO);
        assertThat(api.exchange("POST", "/containers/" + container + "/exec", "{\"Cmd\":[\"true\"]}"))
                .startsWith("HTTP/1.1 409 ").endsWith("{\"message\":\"Container " + container + " is not running\"}\n");
    }
}
