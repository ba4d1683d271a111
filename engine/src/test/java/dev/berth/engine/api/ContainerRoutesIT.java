package dev.berth.engine.api;

import static org.assertj.core.api.Assertions.assertThat;
import dev.berth.engine.testing.TestCgroups;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.engine.ContainerView;
import dev.berth.engine.Engine;
import dev.berth.engine.cgroup.Cgroups;
import dev.berth.engine.layer.Trees;
import dev.berth.engine.testing.BusyboxRootfs;
import java.io.ByteArrayInputStream;
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
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The container routes on a real socket and engine (a temporary data root, containers' cgroups
 * under a parent of the test's own), driven by the docker CLI as a user runs it, plus raw
 * requests where the CLI hides what the server answered. Every container is removed after each
 * test, also when it fails, and no cgroup or mount may be left.
 */
class ContainerRoutesIT {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final Path CGROUP_ROOT = Path.of("/sys/fs/cgroup");
    private static final String IMAGE = "bb-routes:it";

    private Path folder;
    private Path socket;
    private String cgroupParent;
    private Engine engine;
    private ApiServer server;
    private String prefix;

    @BeforeEach
    void start() throws Exception {
        folder = Files.createTempDirectory("berth-container-routes-it");
        socket = folder.resolve("api.sock");
        Files.createDirectories(folder.resolve("docker-config"));
        byte[] random = new byte[4];
        new SecureRandom().nextBytes(random);
        String suffix = HexFormat.of().formatHex(random);
        cgroupParent = "berth-it-" + suffix;
        prefix = "rit-" + suffix;
        engine = Engine.open(Files.createDirectories(folder.resolve("data")), Cgroups.detect(cgroupParent));
        engine.importImage(new ByteArrayInputStream(BusyboxRootfs.tar()), "busybox.tar", IMAGE);
        SystemRoutes system = new SystemRoutes(new ServerIdentity("test-engine-id", "0.1.0-test",
                ProcessHandle.current().pid(), folder.resolve("data"), List.of(), List.of(), List.of(),
                () -> ServerIdentity.ObjectCounts.NONE), HostFacts.current());
        Router router = new Router().add(system).add(new ContainerRoutes(engine));
        server = ApiServer.start(socket, router, system.commonHeaders(), 1 << 20, Duration.ofSeconds(5), m -> { });
    }

    @AfterEach
    void cleanUp() throws IOException {
        List<Throwable> failures = new ArrayList<>();
        if (engine != null) {
            for (ContainerView c : engine.list()) {
                try {
                    engine.remove(c.id(), true, true);
                } catch (RuntimeException e) {
                    failures.add(e);
                }
            }
        }
        if (server != null) {
            server.close();
        }
        List<Path> leftCgroups = TestCgroups.removeParent(cgroupParent);
        String mounts = Files.readString(Path.of("/proc/self/mountinfo"));
        Trees.deleteRecursively(folder);
        assertThat(failures).as("container removal failures").isEmpty();
        assertThat(leftCgroups).as("container cgroups left behind").isEmpty();
        assertThat(mounts).as("mounts of the test's data root").doesNotContain(folder.toString());
    }

    @Test
    void createRunListInspectStopAndRemove_withTheDockerCli() throws Exception {
        String created = docker("create", "--name", prefix + "-idle", "-l", "suite=" + prefix, IMAGE, "sleep", "1000")
                .strip();
        String web = docker("run", "-d", "--name", prefix + "-web", "-l", "suite=" + prefix, "-l", "role=web",
                "-e", "GREETING=hi", IMAGE, "sleep", "1000").strip();

        assertThat(docker("ps", "--filter", "label=suite=" + prefix, "--format", "{{.Names}} {{.Status}}"))
                .matches(prefix + "-web Up (Less than a second|\\d+ seconds?)\n");
        assertThat(docker("ps", "-a", "--filter", "label=suite=" + prefix, "--filter", "status=created",
                "--format", "{{.ID}} {{.Names}} {{.Status}} {{.Command}}"))
                .isEqualTo(created.substring(0, 12) + " " + prefix + "-idle Created \"sleep 1000\"\n");
        assertThat(docker("ps", "-a", "--filter", "label=role=web", "--filter", "label=suite=" + prefix,
                "--format", "{{.ID}}")).isEqualTo(web.substring(0, 12) + "\n");
        assertThat(docker("inspect", "--format", "{{.Name}} {{.State.Status}} {{.State.Running}} {{.Config.Image}}"
                + " {{.Image}} {{.Config.Labels.role}} {{index .Config.Env 0}} {{.HostConfig.NetworkMode}}", web))
                .isEqualTo("/" + prefix + "-web running true " + IMAGE + " " + engine.inspectImage(IMAGE).image().id()
                        + " web GREETING=hi bridge\n");
        assertThat(docker("inspect", "--format", "{{.State.StartedAt}} {{.State.FinishedAt}}", created))
                .isEqualTo("0001-01-01T00:00:00Z 0001-01-01T00:00:00Z\n");

        assertThat(docker("ps", "-s", "--filter", "id=" + web, "--format", "{{.Size}}")).matches("\\S+B \\(virtual \\S+B\\)\n");

        docker("stop", "-t", "1", web);
        assertThat(docker("wait", web)).isEqualTo("137\n");
        assertThat(docker("ps", "-a", "--filter", "status=exited", "--format", "{{.Names}} {{.Status}}"))
                .matches(prefix + "-web Exited \\(137\\) (Less than a second|\\d+ seconds?) ago\n");
        assertThat(dockerFails("rm", "nosuch-" + prefix)).contains("No such container: nosuch-" + prefix);

        docker("rm", web);
        docker("rm", "-f", created);
        assertThat(docker("ps", "-a", "--filter", "label=suite=" + prefix, "-q")).isEmpty();
    }

    @Test
    void killRestartPauseRenameTopAndStats_withTheDockerCli() throws Exception {
        String id = docker("run", "-d", "--name", prefix + "-a", IMAGE, "sleep", "1000").strip();

        docker("pause", id);
        assertThat(docker("inspect", "--format", "{{.State.Status}} {{.State.Paused}}", id)).isEqualTo("paused true\n");
        assertThat(docker("ps", "--format", "{{.Status}}", "--filter", "id=" + id)).contains("(Paused)");
        docker("unpause", id);
        assertThat(docker("inspect", "--format", "{{.State.Status}}", id)).isEqualTo("running\n");

        assertThat(docker("top", id)).startsWith("UID").contains("PPID").contains("sleep 1000")
                .doesNotContain("berth-launch");
        assertThat(docker("stats", "--no-stream", "--format", "{{.Name}} {{.PIDs}}", id))
                .isEqualTo(prefix + "-a 1\n");

        docker("rename", id, prefix + "-b");
        assertThat(docker("inspect", "--format", "{{.Name}}", id)).isEqualTo("/" + prefix + "-b\n");
        String other = docker("create", "--name", prefix + "-c", IMAGE, "true").strip();
        assertThat(dockerFails("rename", prefix + "-b", prefix + "-c")).contains("Conflict. The container name \"/"
                + prefix + "-c\" is already in use by container \"" + other + "\". You have to remove (or rename)"
                + " that container to be able to reuse that name.");

        docker("restart", "-t", "0", id);
        assertThat(docker("inspect", "--format", "{{.State.Status}}", id)).isEqualTo("running\n");
        docker("kill", id);
        assertThat(docker("wait", id)).isEqualTo("137\n");
        assertThat(dockerFails("kill", id)).contains("Cannot kill container: " + id + ": Container " + id
                + " is not running");

        String trapping = docker("run", "-d", IMAGE, "sh", "-c", "trap 'exit 5' USR1; while true; do sleep 0.1; done")
                .strip();
        docker("stop", "--signal", "USR1", "-t", "20", trapping);
        assertThat(docker("wait", trapping)).as("stopped by the signal asked for").isEqualTo("5\n");

        docker("start", id);
        assertThat(dockerFails("rm", id)).contains("You cannot remove a running container " + id
                + ". Stop the container before attempting removal or force remove");
        docker("rm", "-f", id);
        assertThat(dockerFails("inspect", "--type", "container", id)).contains("No such container: " + id);
    }

    @Test
    void create_refusesBadNamesConflictsAndMissingImages_inDockersWords() throws Exception {
        String first = docker("create", "--name", prefix + "-dup", IMAGE, "true").strip();

        assertThat(dockerFails("create", "--name", prefix + "-dup", IMAGE, "true"))
                .contains("Conflict. The container name \"/" + prefix + "-dup\" is already in use by container \""
                        + first + "\". You have to remove (or rename) that container to be able to reuse that name.");
        assertThat(dockerFails("create", "--name", "bad!name", IMAGE, "true"))
                .contains("Invalid container name (bad!name), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed");
        assertThat(UnixHttp.exchange(socket, "POST", "/containers/create?name=" + prefix + "-dup",
                "{\"Image\":\"" + IMAGE + "\"}")).startsWith("HTTP/1.1 400 ").contains("No command specified");
        assertThat(UnixHttp.exchange(socket, "POST", "/containers/create", "{\"Image\":\"nosuch:zzz\",\"Cmd\":[\"true\"]}"))
                .startsWith("HTTP/1.1 404 ").contains("No such image: nosuch:zzz");
        assertThat(UnixHttp.exchange(socket, "POST", "/containers/create", "{\"Image\":\"" + IMAGE + "\",\"Cmd\":[\"true\"],"
                + "\"HostConfig\":{\"PortBindings\":{\"80/tcp\":[{\"HostPort\":\"8080\"}]}}}"))
                .startsWith("HTTP/1.1 400 ").contains("published ports need berth networks, not yet served");

        String missing = docker("create", IMAGE, "/no/such/command").strip();
        assertThat(UnixHttp.exchange(socket, "POST", "/containers/" + missing + "/start", null))
                .startsWith("HTTP/1.1 500 ").contains("/no/such/command");

        String generated = docker("create", IMAGE, "true").strip();
        assertThat(docker("inspect", "--format", "{{.Name}}", generated)).matches("/[a-z]+_[a-z]+\\d?\n");
    }

    @Test
    void waitRemoved_registeredBeforeStart_getsTheExitCodeOfAnAutoRemoveContainer() throws Exception {
        String id = docker("create", "--rm", IMAGE, "sh", "-c", "exit 3").strip();
        try (UnixHttp wait = UnixHttp.connect(socket)) {
            wait.send(UnixHttp.request("POST", "/containers/" + id + "/wait?condition=removed", null, ""));
            wait.readUntil("\r\n\r\n", DEADLINE);

            docker("start", id);

            assertThat(wait.readUntil("}", DEADLINE)).contains("{\"Error\":null,\"StatusCode\":3}");
        }
        await("the AutoRemove container to be removed", () -> engine.list().stream().noneMatch(c -> c.id().equals(id)));
    }

    @Test
    void pendingWaits_moreThanTheCpus_leaveTheServerAnswering() throws Exception {
        String id = docker("run", "-d", IMAGE, "sleep", "1000").strip();
        List<UnixHttp> waits = new ArrayList<>();
        try {
            for (int i = 0; i < Runtime.getRuntime().availableProcessors() + 2; i++) {
                UnixHttp wait = UnixHttp.connect(socket);
                waits.add(wait);
                wait.send(UnixHttp.request("POST", "/containers/" + id + "/wait", null, ""));
                wait.readUntil("\r\n\r\n", DEADLINE);
            }

            assertThat(docker("ps", "-q", "--no-trunc")).isEqualTo(id + "\n");

            docker("kill", id);
            for (UnixHttp wait : waits) {
                assertThat(wait.readUntil("}", DEADLINE)).contains("{\"Error\":null,\"StatusCode\":137}");
            }
        } finally {
            for (UnixHttp wait : waits) {
                wait.close();
            }
        }
    }

    @Test
    void runDetached_withAnInstantExit_isWaitedForAndPruned() throws Exception {
        String quick = docker("run", "-d", "-l", "suite=" + prefix, IMAGE, "sh", "-c", "exit 7").strip();
        assertThat(docker("wait", quick)).isEqualTo("7\n");
        String kept = docker("create", "-l", "keep=" + prefix, IMAGE, "true").strip();

        assertThat(docker("container", "prune", "-f", "--filter", "label=suite=" + prefix))
                .contains("Deleted Containers:\n" + quick + "\n");
        assertThat(engine.list()).extracting(ContainerView::id).containsExactly(kept);
    }

    @Test
    void inspectAndStats_carryTheFieldsClientsDereference() throws Exception {
        String id = docker("run", "-d", "-l", "suite=" + prefix, IMAGE, "sleep", "1000").strip();

        JsonNode inspect = json(UnixHttp.exchange(socket, "GET", "/v1.44/containers/" + id + "/json", null));
        assertThat(inspect.at("/State/Running").isBoolean() && inspect.at("/State/Paused").isBoolean()).isTrue();
        assertThat(inspect.at("/State/StartedAt").asText()).endsWith("Z");
        assertThat(inspect.at("/State/FinishedAt").asText()).isEqualTo("0001-01-01T00:00:00Z");
        assertThat(inspect.at("/State/Pid").asLong()).isPositive();
        assertThat(inspect.at("/NetworkSettings/Ports").isObject()).isTrue();
        assertThat(inspect.at("/NetworkSettings/Networks").isObject()).isTrue();
        assertThat(inspect.at("/HostConfig/PortBindings").isObject()).isTrue();
        assertThat(inspect.at("/HostConfig/LogConfig/Type").asText()).isEqualTo("json-file");
        assertThat(inspect.at("/Config/Labels/suite").asText()).isEqualTo(prefix);
        assertThat(inspect.at("/Config/Cmd/1").asText()).isEqualTo("1000");
        assertThat(inspect.at("/Image").asText()).startsWith("sha256:");
        assertThat(inspect.at("/Mounts").isArray()).isTrue();

        JsonNode stats = json(UnixHttp.exchange(socket, "GET", "/containers/" + id + "/stats?stream=false", null));
        assertThat(stats.at("/id").asText()).isEqualTo(id);
        assertThat(stats.at("/cpu_stats/system_cpu_usage").asLong())
                .isGreaterThan(stats.at("/precpu_stats/system_cpu_usage").asLong());
        assertThat(stats.at("/cpu_stats/online_cpus").asInt()).isPositive();
        assertThat(stats.at("/memory_stats/usage").asLong()).isPositive();
        assertThat(stats.at("/memory_stats/limit").asLong()).isPositive();
        assertThat(stats.at("/pids_stats/current").asInt()).isEqualTo(1);

        try (UnixHttp stream = UnixHttp.connect(socket)) {
            stream.send(UnixHttp.request("GET", "/containers/" + id + "/stats", null, ""));
            assertThat(stream.readUntil("\"read\"", DEADLINE)).startsWith("HTTP/1.1 200 OK");
        }
        docker("rm", "-f", id);
    }

    private static JsonNode json(String answer) throws IOException {
        assertThat(answer).startsWith("HTTP/1.1 200 OK");
        return ApiJson.MAPPER.readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4));
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("timed out waiting for %s", what).isLessThan(deadline);
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }

    private String docker(String... args) throws Exception {
        Result r = run(args);
        assertThat(r.exit).as("docker %s: %s", String.join(" ", args), r.output).isZero();
        return r.output;
    }

    private String dockerFails(String... args) throws Exception {
        Result r = run(args);
        assertThat(r.exit).as("docker %s should fail: %s", String.join(" ", args), r.output).isNotZero();
        return r.output;
    }

    private record Result(int exit, String output) {
    }

    private Result run(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("/usr/local/bin/docker"));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(folder, "docker", ".out");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            Map<String, String> env = builder.environment();
            env.put("DOCKER_HOST", "unix://" + socket);
            env.put("DOCKER_CONFIG", folder.resolve("docker-config").toString());
            Process process = builder.start();
            if (!process.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError("docker " + String.join(" ", args) + " did not end within " + DEADLINE
                        + ": " + Files.readString(out));
            }
            return new Result(process.exitValue(), Files.readString(out));
        } finally {
            Files.delete(out);
        }
    }
}
