package dev.berth.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.engine.Engine;
import dev.berth.engine.ExecConfig;
import dev.berth.engine.ExecStream;
import dev.berth.engine.ExecView;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The exec routes: create an instance in a running container, start it on a hijacked connection
 * (stdin in, stdout and stderr out, framed unless it has a TTY, engine-api.md §2.3), inspect it for
 * its exit code, and resize its terminal.
 *
 * @see <a href="https://docs.docker.com/reference/api/engine/version/v1.44/#tag/Exec">Docker Engine API 1.44: Exec</a>
 */
public final class ExecRoutes implements RouteGroup {

    private final Engine engine;

    public ExecRoutes(Engine engine) {
        this.engine = engine;
    }

    @Override
    public void register(Router router) {
        router.post("/containers/{id}/exec", this::create);
        router.addHijacking("POST", "/exec/{id}/start", this::start);
        router.get("/exec/{id}/json", request -> ApiResponse.json(json(engine.inspectExec(request.param("id")))));
        router.post("/exec/{id}/resize", request -> {
            WindowSize size = WindowSize.of(request.query());
            engine.resizeExec(request.param("id"), size.rows(), size.columns());
            return new ApiResponse.Empty(200);
        });
    }

    /** {@code POST /containers/{id}/exec}: 201 {@code {"Id": ...}}; booleans and lists may be null. */
    private ApiResponse create(ApiRequest request) {
        JsonNode body = request.jsonTree();
        List<String> cmd = JsonFields.strings(body, "Cmd");
        if (cmd.isEmpty()) {
            throw ApiException.badRequest("No exec command specified");
        }
        WindowSize size = WindowSize.ofConsoleSize(body);
        ExecConfig config = new ExecConfig(cmd, JsonFields.bool(body, "AttachStdin"),
                JsonFields.bool(body, "AttachStdout"), JsonFields.bool(body, "AttachStderr"),
                JsonFields.bool(body, "Tty"), JsonFields.strings(body, "Env"), emptyToNull(JsonFields.text(body, "WorkingDir")),
                emptyToNull(JsonFields.text(body, "User")), JsonFields.bool(body, "Privileged"),
                JsonFields.text(body, "DetachKeys"), size.rows(), size.columns());
        String id = engine.createExec(request.param("id"), config);
        return ApiResponse.json(201, Map.of("Id", id));
    }

    /**
     * {@code POST /exec/{id}/start}: {@code {"Detach": bool, "Tty": bool}} (nulls allowed). The
     * instance is checked and its process started before the connection is taken over, so that a
     * refusal is an ordinary error answer. The exit code is recorded before the connection closes.
     */
    private ApiResponse start(ApiRequest request) {
        String id = request.param("id");
        JsonNode body = request.jsonTree();
        ExecView exec = engine.inspectExec(id);
        if (JsonFields.bool(body, "Detach")) {
            engine.startExecDetached(id);
            return new ApiResponse.Empty(200);
        }
        // moby frames by the start request's Tty; a client that sends null gets the instance's own
        JsonNode ttyField = body.get("Tty");
        boolean tty = ttyField == null || ttyField.isNull() ? exec.config().tty() : JsonFields.bool(body, "Tty");
        ExecStream stream = engine.startExec(id);
        String type = request.wantsUpgrade() ? StdStream.mediaType(request.version(), tty) : StdStream.RAW;
        return ApiResponse.hijack(type, connection -> relay(connection, stream, exec.config(), tty));
    }

    private static void relay(HijackedConnection connection, ExecStream stream, ExecConfig config, boolean tty)
            throws IOException {
        StdStream out = new StdStream(connection.output(), !tty);
        if (config.attachStdin()) {
            Thread.startVirtualThread(() -> Pumps.toProcess(connection.input(), stream.stdin()));
        }
        Thread errors = Thread.startVirtualThread(() -> Pumps.fromProcess(stream.stderr(), out, StdStream.STDERR,
                config.attachStderr()));
        Pumps.fromProcess(stream.stdout(), out, StdStream.STDOUT, config.attachStdout());
        try {
            errors.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while relaying the stderr of an exec", e);
        }
        stream.awaitExit();
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static Map<String, Object> json(ExecView v) {
        Map<String, Object> process = new LinkedHashMap<>();
        process.put("arguments", new ArrayList<>(v.arguments()));
        process.put("entrypoint", v.entrypoint());
        process.put("privileged", v.config().privileged());
        process.put("tty", v.config().tty());
        process.put("user", v.config().user() == null ? "" : v.config().user());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("CanRemove", false);
        m.put("ContainerID", v.containerId());
        m.put("DetachKeys", v.config().detachKeys());
        m.put("ExitCode", v.exitCode());
        m.put("ID", v.id());
        m.put("OpenStderr", v.config().attachStderr());
        m.put("OpenStdin", v.config().attachStdin());
        m.put("OpenStdout", v.config().attachStdout());
        m.put("Pid", v.pid());
        m.put("ProcessConfig", process);
        m.put("Running", v.running());
        return m;
    }
}
