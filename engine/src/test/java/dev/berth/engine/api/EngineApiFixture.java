package dev.berth.engine.api;

import static org.assertj.core.api.Assertions.assertThat;
import dev.berth.engine.testing.TestCgroups;

import dev.berth.engine.ContainerView;
import dev.berth.engine.Engine;
import dev.berth.engine.cgroup.Cgroups;
import dev.berth.engine.daemon.EngineRoutes;
import dev.berth.engine.layer.Trees;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An engine on a temporary data root (containers' cgroups under a parent of their own) served by
 * an {@link ApiServer} on a temporary socket with the daemon's route groups, and the docker CLI
 * pointed at it with a configuration folder of its own. After each test it removes every
 * container, the cgroup parent, the server and the folder, then checks that no mount is left.
 */
final class EngineApiFixture implements BeforeEachCallback, AfterEachCallback {

    static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final Path CGROUP_ROOT = Path.of("/sys/fs/cgroup");

    Path base;
    Path socket;
    Engine engine;
    private String cgroupParent;
    private ApiServer server;
    private final List<String> log = new ArrayList<>();

    /** What a docker command printed (stdout and stderr together) and its exit code. */
    record Result(int exitCode, String output) {
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        base = Files.createTempDirectory("berth-it-api-");
        Files.createDirectories(base.resolve("docker-config"));
        Path dataRoot = Files.createDirectories(base.resolve("data"));
        byte[] random = new byte[4];
        new SecureRandom().nextBytes(random);
        cgroupParent = "berth-it-" + HexFormat.of().formatHex(random);
        engine = Engine.open(dataRoot, Cgroups.detect(cgroupParent));
        socket = base.resolve("api.sock");
        SystemRoutes system = new SystemRoutes(new ServerIdentity("test-engine-id", "0.1.0-test",
                ProcessHandle.current().pid(), dataRoot, List.of(), List.of(), List.of(),
                () -> ServerIdentity.ObjectCounts.NONE), HostFacts.current());
        Router router = new Router().add(system);
        EngineRoutes.groups(engine).forEach(router::add);
        server = ApiServer.start(socket, router, system.commonHeaders(), ApiServer.DEFAULT_MAX_BODY_BYTES,
                Duration.ofSeconds(5), log::add);
    }

    /** Runs the docker CLI against the server; stdin from {@code input} (or nothing). */
    Result dockerResult(Path input, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("/usr/local/bin/docker"));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(base, "docker-", ".out");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile())
                .redirectInput((input == null ? Path.of("/dev/null") : input).toFile());
        builder.environment().putAll(Map.of("DOCKER_HOST", "unix://" + socket,
                "DOCKER_CONFIG", base.resolve("docker-config").toString()));
        builder.environment().remove("DOCKER_CONTEXT");
        Process process = builder.start();
        if (!process.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("docker " + String.join(" ", args) + " did not end within " + DEADLINE);
        }
        return new Result(process.exitValue(), Files.readString(out));
    }

    /** Runs the docker CLI and expects it to succeed; its output. */
    String docker(String... args) throws IOException, InterruptedException {
        Result result = dockerResult(null, args);
        assertThat(result.exitCode()).as("docker %s: %s", String.join(" ", args), result.output()).isZero();
        return result.output();
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        List<Throwable> failures = new ArrayList<>();
        if (server != null) {
            server.close();
        }
        if (engine != null) {
            for (ContainerView c : engine.list()) {
                try {
                    engine.remove(c.id(), true, true);
                } catch (RuntimeException e) {
                    failures.add(e);
                }
            }
        }
        List<Path> leftCgroups = cgroupParent == null ? List.of() : TestCgroups.removeParent(cgroupParent);
        String mounts = Files.readString(Path.of("/proc/self/mountinfo"));
        if (base != null) {
            Trees.deleteRecursively(base);
        }
        assertThat(failures).as("container removal failures").isEmpty();
        assertThat(leftCgroups).as("container cgroups left behind").isEmpty();
        assertThat(mounts).as("mounts of the test's folder").doesNotContain(base.toString());
        assertThat(log).as("internal errors the server logged").isEmpty();
    }
}
