package dev.berth.cli.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.berth.cli.Main;
import dev.berth.cli.ProcessContext;
import dev.berth.engine.api.ServerIdentity;

/**
 * {@code berth engine serve} as a process ({@code java -jar target/berth.jar}) on a temporary
 * socket and data root, driven by {@code berth engine status} and {@code shutdown}, by signals,
 * and by the docker CLI.
 */
class EngineDaemonIT {

    private static final Path JAR = Path.of("target", "berth.jar").toAbsolutePath();
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    private Path folder;
    private Path socket;
    private Path pidFile;
    private Path dataRoot;
    private Path configFile;
    private final List<Process> started = new ArrayList<>();

    @BeforeEach
    void makeFolder() throws IOException {
        folder = Files.createTempDirectory("berth-engine-daemon-it");
        socket = folder.resolve("run/berth.sock");
        pidFile = folder.resolve("run/berth.pid");
        dataRoot = folder.resolve("root");
        configFile = folder.resolve("daemon.json");
        Files.writeString(configFile, "{\"labels\": [\"purpose=test\"]}");
    }

    @AfterEach
    void stopAndRemove() throws Exception {
        for (Process process : started) {
            if (process.isAlive()) {
                process.destroy();
                if (!process.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            }
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    @Test
    void status_reportsTheRunningDaemon() throws Exception {
        Process daemon = serve();

        Run status = berth("engine", "status", "--host", "unix://" + socket, "--config-file", configFile.toString());

        assertThat(status.exitCode()).isZero();
        assertThat(status.out()).startsWith("berth engine is running\n  Version:    ")
                .contains("(engine " + ServerIdentity.ENGINE_VERSION + ", Docker Engine API 1.44)\n")
                .endsWith("  PID:        " + daemon.pid() + "\n  Socket:     unix://" + socket + "\n  Data root:  " + dataRoot + "\n");
    }

    @Test
    void status_whenNothingRuns_exitsOne() {
        Run status = berth("engine", "status", "--host", "unix://" + socket, "--config-file", configFile.toString());

        assertThat(status.exitCode()).isEqualTo(1);
        assertThat(status.out()).isEqualTo("berth engine is not running: no socket at " + socket
                + " (start it with: berth engine serve, or systemctl start berth)\n");
    }

    @Test
    void dockerCli_versionAndInfo_work() throws Exception {
        serve();

        assertThat(docker("version", "--format", "{{.Server.Version}} {{.Server.APIVersion}}"))
                .isEqualTo(ServerIdentity.ENGINE_VERSION + " 1.44\n");
        assertThat(docker("info", "--format", "{{.DockerRootDir}} {{.Labels}} {{.OSType}}"))
                .isEqualTo(dataRoot + " [purpose=test] linux\n");
    }

    @Test
    void dockerCli_createsListsInspectsAndRemovesVolumes_onTheDaemonsDataRoot() throws Exception {
        serve();

        assertThat(docker("volume", "create", "--label", "team=web", "shared")).isEqualTo("shared\n");
        assertThat(docker("volume", "ls", "--format", "{{.Driver}} {{.Name}}")).isEqualTo("local shared\n");
        assertThat(docker("volume", "ls", "-q", "--filter", "label=team=db")).isEmpty();
        assertThat(docker("volume", "inspect", "--format", "{{.Mountpoint}} {{.Labels}} {{.Scope}}", "shared"))
                .isEqualTo(dataRoot.resolve("volumes/shared/_data") + " map[team:web] local\n");
        assertThat(dataRoot.resolve("volumes/shared/_data")).isDirectory();
        assertThat(docker("volume", "rm", "shared")).isEqualTo("shared\n");
        assertThat(dataRoot.resolve("volumes/shared")).doesNotExist();
        assertThat(dockerFails("volume", "inspect", "shared")).contains("get shared: no such volume");
        assertThat(dockerFails("volume", "create", "--driver", "nfs", "other"))
                .contains("volume driver \"nfs\" is not supported: berth has the local driver only");
        assertThat(dockerFails("volume", "ls", "--filter", "dangling=true"))
                .contains("invalid filter 'dangling': berth filters volumes by name and label only");
    }

    @Test
    void dockerCli_listsInspectsTagsAndRemovesImages_ofTheDaemonsDataRoot() throws Exception {
        Path rootfs = dataRoot.getParent().resolve("rootfs.tar");
        BusyboxRootfs.write(rootfs, "sh");
        Run imported = berth("engine", "--data-root", dataRoot.toString(), "image", "import", rootfs.toString(), "bb");
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        String shortId = imported.out().strip().substring("sha256:".length(), "sha256:".length() + 12);
        serve();

        assertThat(docker("images", "--format", "{{.Repository}}:{{.Tag}} {{.ID}}")).isEqualTo("bb:latest " + shortId + "\n");
        docker("tag", "bb", "mine:1");
        assertThat(docker("image", "inspect", "--format", "{{.RepoTags}} {{.Os}}", "bb"))
                .isEqualTo("[bb:latest mine:1] linux\n");
        assertThat(docker("rmi", "mine:1")).isEqualTo("Untagged: mine:1\n");
        assertThat(dockerFails("image", "inspect", "mine:1")).contains("No such image: mine:1");
        assertThat(docker("images", "-q")).isEqualTo(shortId + "\n");
    }

    @Test
    void secondDaemon_onTheSameDataRoot_isRefusedNamingTheFirst() throws Exception {
        Process first = serve();

        Process second = start("engine", "serve", "--host", "unix://" + folder.resolve("run/second.sock"),
                "--data-root", dataRoot.toString(), "--pidfile", folder.resolve("run/second.pid").toString(),
                "--config-file", configFile.toString());

        assertThat(second.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(second.exitValue()).isEqualTo(1);
        assertThat(new String(second.getErrorStream().readAllBytes())).isEqualTo("cannot start the berth daemon: "
                + "another berth daemon (PID " + first.pid() + ") is running on the data root " + dataRoot
                + "; stop it first (berth engine shutdown), or give this one another --data-root\n");
        assertThat(folder.resolve("run/second.sock")).doesNotExist();
        assertThat(first.isAlive()).isTrue();
    }

    @Test
    void sigterm_stopsTheDaemon_removingSocketAndPidFile() throws Exception {
        Process daemon = serve();

        daemon.destroy();

        assertThat(daemon.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(daemon.exitValue()).isEqualTo(143);
        assertThat(socket).doesNotExist();
        assertThat(pidFile).doesNotExist();
        assertThat(Files.readString(dataRoot.resolve("berth.log")))
                .contains(" info berth daemon (PID " + daemon.pid() + ") stopping; containers keep running\n")
                .endsWith(" info berth daemon stopped\n");
    }

    @Test
    void shutdown_stopsTheDaemonNamedByThePidFile_andWaitsForIt() throws Exception {
        Process daemon = serve();

        Run shutdown = berth("engine", "shutdown", "--pidfile", pidFile.toString(), "--config-file", configFile.toString());

        assertThat(shutdown.exitCode()).isZero();
        assertThat(shutdown.out()).isEqualTo("berth engine stopped (PID " + daemon.pid() + ")\n");
        assertThat(daemon.isAlive()).isFalse();
        assertThat(socket).doesNotExist();
        assertThat(pidFile).doesNotExist();
    }

    @Test
    void shutdown_refusesAPidFileNamingAnotherProgram() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "600").start();
        started.add(sleeper);
        Files.createDirectories(pidFile.getParent());
        Files.writeString(pidFile, sleeper.pid() + "\n");

        Run shutdown = berth("engine", "shutdown", "--pidfile", pidFile.toString(), "--config-file", configFile.toString());

        assertThat(shutdown.exitCode()).isEqualTo(1);
        assertThat(shutdown.err()).isEqualTo("the PID file " + pidFile + " names process " + sleeper.pid()
                + ", which is not a berth daemon (sleep 600): nothing was stopped; "
                + "remove the stale PID file if no berth daemon runs\n");
        assertThat(sleeper.isAlive()).isTrue();
    }

    @Test
    void shutdown_whenNothingRuns_saysSo() {
        Run shutdown = berth("engine", "shutdown", "--pidfile", pidFile.toString(), "--config-file", configFile.toString());

        assertThat(shutdown.exitCode()).isZero();
        assertThat(shutdown.out()).isEqualTo("berth engine is not running (no running process named by " + pidFile + ")\n");
    }

    @Test
    void serve_withACgroupParent_runsContainersUnderIt() throws Exception {
        Path rootfs = dataRoot.getParent().resolve("rootfs.tar");
        BusyboxRootfs.write(rootfs, "sleep");
        Run imported = berth("engine", "--data-root", dataRoot.toString(), "image", "import", rootfs.toString(), "bb");
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        String parent = "berth-it-" + Long.toHexString(System.nanoTime());
        serve("--cgroup-parent", parent);
        try {
            String id = docker("run", "-d", "bb", "sleep", "1000").strip();

            try (Stream<Path> controllers = Files.list(Path.of("/sys/fs/cgroup"))) {
                assertThat(controllers.anyMatch(c -> Files.isDirectory(c.resolve(parent).resolve(id)))
                        || Files.isDirectory(Path.of("/sys/fs/cgroup", parent, id)))
                        .as("the container's cgroup under %s", parent).isTrue();
            }
        } finally {
            for (String id : docker("ps", "-aq", "--no-trunc").lines().toList()) {
                docker("rm", "-f", id);
            }
            try (Stream<Path> controllers = Files.list(Path.of("/sys/fs/cgroup"))) {
                for (Path dir : Stream.concat(controllers, Stream.of(Path.of("/sys/fs/cgroup"))).map(c -> c.resolve(parent))
                        .filter(Files::isDirectory).toList()) {
                    Files.delete(dir);
                }
            }
        }
    }

    @Test
    void serve_withATcpHost_isRefused() {
        Run serve = berth("engine", "serve", "--host", "tcp://127.0.0.1:2375", "--config-file", configFile.toString());

        assertThat(serve.exitCode()).isEqualTo(1);
        assertThat(serve.err()).isEqualTo("host tcp://127.0.0.1:2375: berth does not serve the API over TCP yet; "
                + "only on a unix socket (unix:///path), whose file permissions decide who may drive the engine\n");
    }

    /** Starts {@code berth engine serve} on the test's socket and data root and waits until it answers. */
    /** Starts {@code berth engine [engineOptions] serve} on the test's socket and data root; returns once it answers. */
    private Process serve(String... engineOptions) throws Exception {
        List<String> args = new ArrayList<>(List.of("engine"));
        args.addAll(List.of(engineOptions));
        args.addAll(List.of("serve", "--host", "unix://" + socket, "--data-root", dataRoot.toString(),
                "--pidfile", pidFile.toString(), "--config-file", configFile.toString()));
        Process daemon = start(args.toArray(String[]::new));
        long end = System.nanoTime() + DEADLINE.toNanos();
        while (true) {
            Run status = berth("engine", "status", "--host", "unix://" + socket, "--config-file", configFile.toString());
            if (status.exitCode() == 0) {
                return daemon;
            }
            if (!daemon.isAlive() || System.nanoTime() > end) {
                throw new AssertionError("berth engine serve did not answer within " + DEADLINE + " (alive: "
                        + daemon.isAlive() + "); its errors: " + (daemon.isAlive() ? "" : new String(daemon.getErrorStream().readAllBytes())));
            }
            try {
                daemon.onExit().get(100, TimeUnit.MILLISECONDS);
            } catch (TimeoutException stillRunning) {
                // poll again
            }
        }
    }

    private Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        started.add(process);
        return process;
    }

    private record Run(int exitCode, String out, String err) {
    }

    private static Run berth(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ProcessContext process = new ProcessContext(Map.of(), Path.of("/"), Path.of("/root"),
                () -> java.io.InputStream.nullInputStream());
        int code = Main.run(process, new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    private String docker(String... args) throws Exception {
        Process process = dockerProcess(args);
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("docker %s: %s", String.join(" ", args), output).isZero();
        return output;
    }

    /** Runs a docker command that must fail; returns what it printed. */
    private String dockerFails(String... args) throws Exception {
        Process process = dockerProcess(args);
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("docker %s: %s", String.join(" ", args), output).isNotZero();
        return output;
    }

    private Process dockerProcess(String... args) throws java.io.IOException {
        List<String> command = new ArrayList<>(List.of("/usr/local/bin/docker", "-H", "unix://" + socket));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
    }
}
