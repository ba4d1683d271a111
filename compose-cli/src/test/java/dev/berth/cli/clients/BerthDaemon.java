package dev.berth.cli.clients;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.cli.engine.BusyboxRootfs;
import dev.berth.engine.Engine;
import java.io.IOException;
import java.io.InputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * {@code berth engine serve} from the built jar, as a user runs it, on a temporary socket and data
 * root, for a test class of real clients; the clients talk to it through a {@link RecordingProxy}
 * ({@link #host()}), and when the class ends every JSON response they received is checked against
 * {@code schemas/engine-api.yaml}. The daemon is stopped with SIGTERM by its PID.
 */
final class BerthDaemon implements BeforeAllCallback, AfterAllCallback {

    static final Path JAR = Path.of("target", "berth.jar").toAbsolutePath();
    static final Duration DEADLINE = Duration.ofSeconds(60);
    /** The image every test's containers run: busybox, all applets under /bin. */
    static final String IMAGE = "busybox:it";
    private static final Path CGROUP_ROOT = Path.of("/sys/fs/cgroup");

    private Path folder;
    private Path socket;
    private Path dataRoot;
    private final String cgroupParent = "berth-it-" + HexFormat.of().formatHex(randomBytes());
    private Process daemon;
    private RecordingProxy proxy;

    private static byte[] randomBytes() {
        byte[] b = new byte[6];
        ThreadLocalRandom.current().nextBytes(b);
        return b;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        folder = Files.createTempDirectory("berth-clients-");
        socket = folder.resolve("berth.sock");
        dataRoot = folder.resolve("root");
        Path config = folder.resolve("daemon.json");
        Files.writeString(config, "{}");
        importBusybox();
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                JAR.toString(), "engine", "--cgroup-parent", cgroupParent, "serve", "--host", "unix://" + socket,
                "--data-root", dataRoot.toString(), "--pidfile", folder.resolve("berth.pid").toString(),
                "--config-file", config.toString());
        daemon = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(folder.resolve("daemon.err").toFile()).start();
        awaitSocket();
        proxy = new RecordingProxy(folder.resolve("clients.sock"), socket);
    }

    /**
     * Stores {@link #IMAGE} (Debian's static busybox with every applet) in the data root before the
     * daemon opens it: no registry is reachable from the test machines.
     */
    private void importBusybox() throws Exception {
        Process list = new ProcessBuilder("/bin/busybox", "--list").start();
        String[] applets = new String(list.getInputStream().readAllBytes()).lines().filter(a -> !a.equals("busybox"))
                .toArray(String[]::new);
        assertThat(list.waitFor()).as("busybox --list (install busybox-static)").isZero();
        Path rootfs = folder.resolve("busybox.tar");
        BusyboxRootfs.write(rootfs, applets);
        try (InputStream in = Files.newInputStream(rootfs)) {
            Engine.open(dataRoot, cgroupParent).importImage(in, rootfs.toString(), IMAGE);
        }
        Files.delete(rootfs);
    }

    private void awaitSocket() throws Exception {
        long end = System.nanoTime() + DEADLINE.toNanos();
        while (true) {
            if (Files.exists(socket)) {
                try (SocketChannel probe = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                    probe.connect(UnixDomainSocketAddress.of(socket));
                    return;
                } catch (IOException notYet) {
                    // the daemon binds before it listens; try again
                }
            }
            if (!daemon.isAlive() || System.nanoTime() > end) {
                throw new AssertionError("berth engine serve did not answer on " + socket + " within " + DEADLINE
                        + " (alive: " + daemon.isAlive() + "): " + Files.readString(folder.resolve("daemon.err")));
            }
            daemon.onExit().completeOnTimeout(null, 50, TimeUnit.MILLISECONDS).get();
        }
    }

    /** {@code unix://…} for the clients: the recording proxy in front of the daemon. */
    String host() {
        return "unix://" + proxy.socket();
    }

    /** The daemon's own socket, for set-up and clean-up that is not under test. */
    Path daemonSocket() {
        return socket;
    }

    Path folder() {
        return folder;
    }

    /** The daemon's process ID. */
    long pid() {
        return daemon.pid();
    }

    List<RecordingProxy.Exchange> exchanges() {
        return proxy.exchanges();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        List<String> problems = new ArrayList<>();
        EngineApiSchema schema = EngineApiSchema.load();
        int recorded = 0;
        if (proxy != null) {
            for (RecordingProxy.Exchange exchange : proxy.exchanges()) {
                problems.addAll(schema.check(exchange));
                recorded++;
            }
            proxy.close();
        }
        List<String> containers = List.of();
        if (daemon != null && daemon.isAlive()) {
            containers = leftContainers();
            daemon.destroy();
            if (!daemon.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
                daemon.destroyForcibly().waitFor();
            }
        }
        List<Path> cgroups = removeCgroupParent();
        String mounts = Files.readString(Path.of("/proc/self/mountinfo"));
        if (folder != null) {
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
        assertThat(containers).as("containers the tests left on the daemon (removed now)").isEmpty();
        assertThat(cgroups).as("container cgroups left behind").isEmpty();
        assertThat(mounts).as("mounts in the test's data root").doesNotContain(folder.toString());
        assertThat(recorded).as("exchanges the clients made through the recording proxy").isPositive();
        assertThat(problems).as("responses that do not match " + EngineApiSchema.FILE).isEmpty();
    }

    /** Removes, with the docker CLI on the daemon's own socket, whatever containers a failed test left; returns their names. */
    private List<String> leftContainers() throws Exception {
        DockerCli docker = new DockerCli("unix://" + socket, folder.resolve("cleanup-config"));
        List<String> left = docker.run("ps", "-aq").out().lines().toList();
        if (!left.isEmpty()) {
            List<String> rm = new ArrayList<>(List.of("rm", "-f", "-v"));
            rm.addAll(left);
            docker.run(rm.toArray(String[]::new));
        }
        return left;
    }

    private List<Path> removeCgroupParent() throws IOException {
        List<Path> left = new ArrayList<>();
        try (DirectoryStream<Path> controllers = Files.newDirectoryStream(CGROUP_ROOT)) {
            for (Path controller : controllers) {
                Path parent = controller.resolve(cgroupParent);
                if (Files.isDirectory(parent)) {
                    try (Stream<Path> children = Files.list(parent)) {
                        children.filter(Files::isDirectory).forEach(left::add);
                    }
                    Files.delete(parent);
                }
            }
        }
        return left;
    }
}
