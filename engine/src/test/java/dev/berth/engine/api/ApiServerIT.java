package dev.berth.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The API server on a real unix socket: routing with and without the version prefix, Docker's
 * errors, body limits, path checks, chunked streams and hijacked connections (through routes
 * registered by this test only), and the docker CLI against the system routes.
 */
class ApiServerIT {

    private static final Duration DEADLINE = Duration.ofSeconds(20);

    private Path folder;
    private Path socket;
    private ApiServer server;
    private final CountDownLatch releaseSecondChunk = new CountDownLatch(1);
    private final CountDownLatch slowStarted = new CountDownLatch(1);
    private final CountDownLatch releaseSlow = new CountDownLatch(1);
    private final CountDownLatch clientGone = new CountDownLatch(1);
    private final CountDownLatch releaseReader = new CountDownLatch(1);
    private final List<String> log = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        folder = Files.createTempDirectory("berth-api-it");
        socket = folder.resolve("api.sock");
        SystemRoutes system = new SystemRoutes(new ServerIdentity("test-engine-id", "0.1.0-test", ProcessHandle.current().pid(),
                folder.resolve("data"), List.of("env=test"), List.of(), List.of(),
                () -> ServerIdentity.ObjectCounts.NONE), HostFacts.current());
        Router router = new Router().add(system).add(this::testRoutes);
        server = ApiServer.start(socket, router, system.commonHeaders(), 1024, Duration.ofSeconds(5), log::add);
    }

    private void testRoutes(Router router) {
        router.post("/test/echo", request -> ApiResponse.json(Map.of("got", request.jsonTree())));
        router.get("/test/items/{id}", request -> ApiResponse.json(Map.of("id", request.param("id"))));
        router.get("/test/images/{name*}/json", request -> ApiResponse.json(Map.of("name", request.param("name"))));
        router.get("/test/filters", request -> ApiResponse.json(request.query().filters().values()));
        router.get("/test/stream", request -> ApiResponse.stream("application/json", sink -> {
            sink.write("{\"n\":1}\n");
            try {
                releaseSecondChunk.await();
            } catch (InterruptedException e) {
                throw new IOException(e);
            }
            sink.write("{\"n\":2}\n");
        }));
        router.get("/test/until-gone", request -> ApiResponse.stream("application/json", sink -> {
            sink.onClose(clientGone::countDown);
            sink.write("{\"waiting\":true}\n");
            try {
                clientGone.await();
            } catch (InterruptedException e) {
                throw new IOException(e);
            }
        }));
        router.get("/test/slow", request -> {
            slowStarted.countDown();
            try {
                releaseSlow.await();
            } catch (InterruptedException e) {
                throw new IOException(e);
            }
            return ApiResponse.json(Map.of("slow", "done"));
        });
        router.postStreaming("/test/count", request -> ApiResponse.json(Map.of("bytes", count(request.bodyStream()))));
        router.postStreaming("/test/count-later", request -> {
            try {
                releaseReader.await();
            } catch (InterruptedException e) {
                throw new IOException(e);
            }
            return ApiResponse.json(Map.of("bytes", count(request.bodyStream())));
        });
        router.postStreaming("/test/refuse", request -> {
            throw ApiException.badRequest("refused before reading the body");
        });
        router.postStreaming("/test/count-stream", request -> ApiResponse.stream("application/json", sink -> {
            sink.write("{\"started\":true}\n");
            sink.writeJsonLine(Map.of("bytes", count(request.bodyStream())));
        }));
        router.addHijacking("POST", "/test/echo-session", request -> {
            if (request.query().bool("fail")) {
                throw ApiException.conflict("the session cannot start");
            }
            return ApiResponse.hijack("application/vnd.docker.raw-stream", connection -> {
                InputStream in = connection.input();
                OutputStream out = connection.output();
                byte[] buffer = new byte[1024];
                int total = 0;
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    out.write(buffer, 0, n);
                    total += n;
                }
                out.write(("[stdin closed after " + total + " bytes]").getBytes(StandardCharsets.UTF_8));
            });
        });
    }

    private static long count(InputStream in) throws IOException {
        byte[] buffer = new byte[8192];
        long total = 0;
        for (int n; (n = in.read(buffer)) >= 0; ) {
            for (int i = 0; i < n; i++) {
                if (buffer[i] != (byte) 'x') {
                    throw ApiException.badRequest("unexpected byte " + buffer[i] + " at " + (total + i));
                }
            }
            total += n;
        }
        return total;
    }

    private static ByteBuffer xs(int length) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) 'x');
        return ByteBuffer.wrap(bytes);
    }

    @AfterEach
    void stop() throws IOException {
        releaseReader.countDown();
        releaseSecondChunk.countDown();
        releaseSlow.countDown();
        clientGone.countDown();
        if (server != null) {
            server.close();
        }
        try (var files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(folder);
    }

    @Test
    void ping_answersOk_withAndWithoutTheVersionPrefix() throws IOException {
        for (String path : List.of("/_ping", "/v1.44/_ping", "/v1.24/_ping")) {
            String answer = UnixHttp.exchange(socket, "GET", path, null);
            assertThat(answer).startsWith("HTTP/1.1 200 OK\r\n").endsWith("\r\n\r\nOK")
                    .containsIgnoringCase("api-version: 1.44\r\n")
                    .containsIgnoringCase("ostype: linux\r\n")
                    .containsIgnoringCase("docker-experimental: false\r\n")
                    .containsIgnoringCase("cache-control: no-cache, no-store, must-revalidate\r\n");
        }
    }

    @Test
    void headPing_answersOkWithNoBody() throws IOException {
        String answer = UnixHttp.exchange(socket, "HEAD", "/_ping", null);
        assertThat(answer).startsWith("HTTP/1.1 200 OK\r\n").endsWith("\r\n\r\n")
                .containsIgnoringCase("content-length: 0\r\n").containsIgnoringCase("api-version: 1.44\r\n");
    }

    @Test
    void versionPrefix_tooNewOrTooOld_isRefusedWithDockersMessage() throws IOException {
        assertThat(UnixHttp.exchange(socket, "GET", "/v1.45/_ping", null))
                .startsWith("HTTP/1.1 400 Bad Request\r\n").containsIgnoringCase("content-type: application/json")
                .endsWith("\r\n\r\n{\"message\":\"client version 1.45 is too new. Maximum supported API version is 1.44\"}\n");
        assertThat(UnixHttp.exchange(socket, "GET", "/v1.23/version", null))
                .startsWith("HTTP/1.1 400 Bad Request\r\n")
                .endsWith("\r\n\r\n{\"message\":\"client version 1.23 is too old. Minimum supported API version is 1.24, "
                        + "please upgrade your client to a newer version\"}\n");
    }

    @Test
    void unknownRoute_is404PageNotFound() throws IOException {
        for (String path : List.of("/nothing/here", "/v1.44/nothing", "/v1.99/nothing")) {
            assertThat(UnixHttp.exchange(socket, "GET", path, null))
                    .startsWith("HTTP/1.1 404 Not Found\r\n")
                    .endsWith("\r\n\r\n{\"message\":\"page not found\"}\n");
        }
    }

    @Test
    void jsonBody_isHandedToTheRoute() throws IOException {
        assertThat(UnixHttp.exchange(socket, "POST", "/v1.41/test/echo", "{\"a\": [1, 2]}"))
                .startsWith("HTTP/1.1 200 OK\r\n").endsWith("\r\n\r\n{\"got\":{\"a\":[1,2]}}\n");
    }

    @Test
    void malformedJsonBody_is400() throws IOException {
        assertThat(UnixHttp.exchange(socket, "POST", "/test/echo", "{\"a\": "))
                .startsWith("HTTP/1.1 400 Bad Request\r\n").contains("{\"message\":\"invalid JSON: ");
    }

    @Test
    void oversizedBody_is400_andTheHandlerNeverRuns() throws IOException {
        String big = "{\"a\":\"" + "x".repeat(2000) + "\"}";
        assertThat(UnixHttp.exchange(socket, "POST", "/test/echo", big))
                .startsWith("HTTP/1.1 400 Bad Request\r\n")
                .endsWith("\r\n\r\n{\"message\":\"request body is too large: berth accepts at most 1024 bytes\"}\n")
                .doesNotContain("\"got\"");
    }

    @Test
    void pathParameter_isDecoded_andTraversalIsRefused() throws IOException {
        assertThat(UnixHttp.exchange(socket, "GET", "/test/items/web%2B1", null)).endsWith("{\"id\":\"web+1\"}\n");
        assertThat(UnixHttp.exchange(socket, "GET", "/test/images/library/busybox/json", null))
                .endsWith("{\"name\":\"library/busybox\"}\n");
        assertThat(UnixHttp.exchange(socket, "GET", "/test/items/%2E%2E", null))
                .startsWith("HTTP/1.1 400 Bad Request\r\n").endsWith("{\"message\":\"invalid id \\\"..\\\": it contains a \\\"..\\\" path segment\"}\n");
        assertThat(UnixHttp.exchange(socket, "GET", "/test/items/..%2Fetc", null))
                .startsWith("HTTP/1.1 400 Bad Request\r\n").endsWith("{\"message\":\"invalid id \\\"../etc\\\": it contains a \\\"/\\\"\"}\n");
        assertThat(UnixHttp.exchange(socket, "GET", "/test/images/a/../../etc/json", null))
                .startsWith("HTTP/1.1 400 Bad Request\r\n");
    }

    @Test
    void malformedEscapes_inPathOrQuery_are400() throws IOException {
        assertThat(UnixHttp.exchange(socket, "GET", "/test/items/%zz", null))
                .startsWith("HTTP/1.1 400 Bad Request\r\n")
                .endsWith("{\"message\":\"invalid id \\\"%zz\\\": not a valid URL-encoded value\"}\n");
        assertThat(UnixHttp.exchange(socket, "GET", "/test/filters?filters=%", null))
                .startsWith("HTTP/1.1 400 Bad Request\r\n").contains("{\"message\":\"malformed query string in /test/filters?filters=%: ");
    }

    @Test
    void filters_areReadInBothShapes() throws IOException {
        String map = "%7B%22label%22%3A%7B%22a%3Db%22%3Atrue%7D%7D";
        String list = "%7B%22label%22%3A%20%5B%22a%3Db%22%5D%7D";
        assertThat(UnixHttp.exchange(socket, "GET", "/test/filters?filters=" + map, null)).endsWith("{\"label\":[\"a=b\"]}\n");
        assertThat(UnixHttp.exchange(socket, "GET", "/test/filters?filters=" + list, null)).endsWith("{\"label\":[\"a=b\"]}\n");
    }

    @Test
    void keepAlive_servesSeveralRequestsOnOneConnection() throws IOException {
        try (UnixHttp http = UnixHttp.connect(socket)) {
            http.send(UnixHttp.request("GET", "/_ping", null, "") + UnixHttp.request("GET", "/v1.44/_ping", null, ""));
            String both = http.readUntil("OK", DEADLINE);
            assertThat(http.readUntil(both + "", DEADLINE)).isNotNull();
            http.send(UnixHttp.request("GET", "/test/items/x", null, "Connection: close\r\n"));
            String all = http.readToEnd();
            assertThat(all.split("HTTP/1.1 200 OK", -1)).hasSize(4);
            assertThat(all).endsWith("{\"id\":\"x\"}\n");
        }
    }

    @Test
    void requestFollowedByHalfClose_isStillAnswered() throws IOException {
        try (UnixHttp http = UnixHttp.connect(socket)) {
            http.send(UnixHttp.request("GET", "/_ping", null, ""));
            http.shutdownOutput();
            assertThat(http.readToEnd()).startsWith("HTTP/1.1 200 OK\r\n").endsWith("\r\n\r\nOK");
        }
    }

    @Test
    void stream_sendsHeadersAndEachChunkAtOnce() throws IOException {
        try (UnixHttp http = UnixHttp.connect(socket)) {
            http.send(UnixHttp.request("GET", "/test/stream", null, "Connection: close\r\n"));
            String first = http.readUntil("{\"n\":1}\n", DEADLINE);
            assertThat(first).startsWith("HTTP/1.1 200 OK\r\n").containsIgnoringCase("transfer-encoding: chunked")
                    .doesNotContain("{\"n\":2}");
            releaseSecondChunk.countDown();
            assertThat(http.readToEnd()).endsWith("8\r\n{\"n\":2}\n\r\n0\r\n\r\n");
        }
    }

    @Test
    void stream_whoseClientLeaves_runsItsCloseActions() throws Exception {
        try (UnixHttp http = UnixHttp.connect(socket)) {
            http.send(UnixHttp.request("GET", "/test/until-gone", null, ""));
            http.readUntil("{\"waiting\":true}", DEADLINE);
        }

        assertThat(clientGone.await(DEADLINE.toSeconds(), TimeUnit.SECONDS)).as("the stream noticed its client leave")
                .isTrue();
    }

    @Test
    void hijack_withUpgrade_answers101_andRelaysStdinUntilHalfClose() throws IOException {
        try (UnixHttp http = UnixHttp.connect(socket)) {
            http.send(UnixHttp.request("POST", "/v1.44/test/echo-session", null,
                    "Upgrade: tcp\r\nConnection: Upgrade\r\nContent-Length: 0\r\n") + "sent-with-head ");
            assertThat(http.readUntil("sent-with-head ", DEADLINE))
                    .startsWith("HTTP/1.1 101 UPGRADED\r\nContent-Type: application/vnd.docker.raw-stream\r\n"
                            + "Connection: Upgrade\r\nUpgrade: tcp\r\n");
            http.send("later");
            http.readUntil("later", DEADLINE);
            http.shutdownOutput();
            assertThat(http.readToEnd()).endsWith("\r\n\r\nsent-with-head later[stdin closed after 20 bytes]");
        }
    }

    @Test
    void hijack_withoutUpgrade_answers200WithARawStream() throws IOException {
        try (UnixHttp http = UnixHttp.connect(socket)) {
            http.send(UnixHttp.request("POST", "/test/echo-session", null, "Content-Length: 0\r\n"));
            http.readUntil("\r\n\r\n", DEADLINE);
            http.shutdownOutput();
            String all = http.readToEnd();
            assertThat(all).startsWith("HTTP/1.1 200 OK\r\nContent-Type: application/vnd.docker.raw-stream\r\n")
                    .endsWith("\r\n\r\n[stdin closed after 0 bytes]")
                    .doesNotContainIgnoringCase("content-length").doesNotContainIgnoringCase("transfer-encoding");
        }
    }

    @Test
    void hijack_refusedBeforeTakeover_isAnOrdinaryError() throws IOException {
        assertThat(UnixHttp.exchange(socket, "POST", "/test/echo-session?fail=1", null))
                .startsWith("HTTP/1.1 409 Conflict\r\n").endsWith("\r\n\r\n{\"message\":\"the session cannot start\"}\n");
    }

    @Test
    void streamingRoute_readsAContentLengthBody_pastTheCap() throws IOException {
        int length = 5 << 20;
        try (UnixHttp http = UnixHttp.connect(socket)) {
            http.send("POST /test/count HTTP/1.1\r\nHost: docker\r\nContent-Length: " + length
                    + "\r\nConnection: close\r\n\r\n");
            http.send(xs(length));
            assertThat(http.readToEnd()).startsWith("HTTP/1.1 200 OK\r\n").endsWith("{\"bytes\":" + length + "}\n");
        }
    }

    @Test
    void streamingRoute_readsAChunkedBody_andTheConnectionServesTheNextRequest() throws IOException {
        try (UnixHttp http = UnixHttp.connect(socket)) {
            StringBuilder chunked = new StringBuilder("POST /v1.44/test/count HTTP/1.1\r\nHost: docker\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n");
            for (int i = 0; i < 300; i++) {
                chunked.append("1000\r\n").append("x".repeat(0x1000)).append("\r\n");
            }
            chunked.append("0\r\n\r\n");
            http.send(chunked.toString());
            http.readUntil("{\"bytes\":" + 300 * 0x1000 + "}\n", DEADLINE);
            http.send(UnixHttp.request("GET", "/test/items/after", null, "Connection: close\r\n"));
            assertThat(http.readToEnd()).endsWith("{\"id\":\"after\"}\n");
        }
    }

    @Test
    void streamingRoute_slowReader_holdsTheClientBack_thenReadsEverything() throws IOException {
        int length = 64 << 20;
        try (UnixHttp http = UnixHttp.connect(socket)) {
            http.send("POST /test/count-later HTTP/1.1\r\nHost: docker\r\nContent-Length: " + length
                    + "\r\nConnection: close\r\n\r\n");
            ByteBuffer body = xs(length);
            long before = http.sendUntilStalled(body, Duration.ofSeconds(1));
            assertThat(before).as("bytes the server took before its handler read any").isLessThan(length / 4);

            releaseReader.countDown();
            http.send(body);

            assertThat(http.readToEnd()).endsWith("{\"bytes\":" + length + "}\n");
        }
    }

    @Test
    void streamingRoute_refusingBeforeReading_answersAndEndsTheConnection() throws IOException {
        int length = 8 << 20;
        try (UnixHttp http = UnixHttp.connect(socket)) {
            http.send("POST /test/refuse HTTP/1.1\r\nHost: docker\r\nContent-Length: " + length + "\r\n\r\n");
            http.sendUntilStalled(xs(length), Duration.ofSeconds(1));
            String answer = http.readUntil("before reading the body\"}\n", DEADLINE);
            assertThat(answer).startsWith("HTTP/1.1 400 Bad Request\r\n").containsIgnoringCase("connection: close\r\n")
                    .endsWith("{\"message\":\"refused before reading the body\"}\n");
            http.shutdownOutput();
            assertThat(http.readToEnd()).isEqualTo(answer);
        }
    }

    @Test
    void streamingRoute_streamedAnswer_mayReadTheBodyAfterTheHead() throws IOException {
        int length = 3 << 20;
        try (UnixHttp http = UnixHttp.connect(socket)) {
            http.send("POST /test/count-stream HTTP/1.1\r\nHost: docker\r\nContent-Length: " + length
                    + "\r\nConnection: close\r\n\r\n");
            http.send(xs(length));
            assertThat(http.readToEnd()).startsWith("HTTP/1.1 200 OK\r\n").contains("{\"started\":true}\n")
                    .contains("{\"bytes\":" + length + "}\n").endsWith("0\r\n\r\n");
        }
    }

    @Test
    void ordinaryRoute_keepsTheCap_whileStreamingRoutesExist() throws IOException {
        assertThat(UnixHttp.exchange(socket, "POST", "/test/echo", "{\"a\":\"" + "x".repeat(2000) + "\"}"))
                .startsWith("HTTP/1.1 400 Bad Request\r\n").contains("request body is too large");
    }

    @Test
    void close_stopsAccepting_andLetsTheRequestBeingAnsweredFinish() throws Exception {
        try (UnixHttp http = UnixHttp.connect(socket)) {
            http.send(UnixHttp.request("GET", "/test/slow", null, "Connection: close\r\n"));
            assertThat(slowStarted.await(DEADLINE.toSeconds(), TimeUnit.SECONDS)).isTrue();
            Thread closing = Thread.ofVirtual().start(server::close);
            long end = System.nanoTime() + DEADLINE.toNanos();
            while (Files.exists(socket) && System.nanoTime() < end) {
                closing.join(Duration.ofMillis(20));
            }
            assertThat(socket).doesNotExist();

            releaseSlow.countDown();

            assertThat(http.readToEnd()).startsWith("HTTP/1.1 200 OK\r\n").endsWith("{\"slow\":\"done\"}\n");
            assertThat(closing.join(DEADLINE)).isTrue();
        }
        server = null;
    }

    @Test
    void dockerCli_versionAndInfo_workAgainstTheSocket() throws Exception {
        assertThat(docker("version", "--format", "{{.Server.Version}} {{.Server.APIVersion}} {{.Server.MinAPIVersion}}"))
                .isEqualTo(ServerIdentity.ENGINE_VERSION + " 1.44 1.24\n");
        assertThat(docker("info", "--format", "{{.OSType}} {{.ServerVersion}} {{.Driver}} {{.DockerRootDir}} {{.Labels}}"))
                .isEqualTo("linux " + ServerIdentity.ENGINE_VERSION + " overlay2 " + folder.resolve("data") + " [env=test]\n");
        assertThat(docker("version")).contains("Server:").contains(" API version:      1.44 (minimum version 1.24)");
        assertThat(docker("info")).contains("Server Version: " + ServerIdentity.ENGINE_VERSION);
    }

    private String docker(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("/usr/local/bin/docker", "-H", "unix://" + socket));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("berth-docker", ".out");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
            if (!process.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError("docker " + String.join(" ", args) + " did not end within " + DEADLINE);
            }
            String output = Files.readString(out);
            assertThat(process.exitValue()).as("docker %s: %s", String.join(" ", args), output).isZero();
            return output;
        } finally {
            Files.delete(out);
        }
    }
}
