package dev.berth.engine;

import static org.assertj.core.api.Assertions.assertThat;
import dev.berth.engine.testing.TestCgroups;

import dev.berth.engine.cgroup.Cgroups;
import dev.berth.engine.image.ImageReference;
import dev.berth.engine.layer.Trees;
import dev.berth.engine.runtime.ContainerInspect;
import dev.berth.engine.core.LogEntry;
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
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An engine on a temporary data root whose containers' cgroups live under a parent of their own
 * ({@code berth-it-<random>}), optionally with a busybox image; after each test it removes every
 * container, the cgroup parent and the folder, then checks that no mount, cgroup or monitor is left.
 * Register it with {@code @RegisterExtension}.
 */
public final class EngineFixture implements BeforeEachCallback, AfterEachCallback {

    static final Path CGROUP_ROOT = Path.of("/sys/fs/cgroup");

    private final String busyboxName;
    Path base;
    Path dataRoot;
    String cgroupParent;
    Engine engine;

    /** An engine with no image. */
    EngineFixture() {
        this(null);
    }

    private EngineFixture(String busyboxName) {
        this.busyboxName = busyboxName;
    }

    /** The engine of the running test. */
    public Engine engine() {
        return engine;
    }

    /** The temporary folder of the running test (the data root is in it). */
    public Path base() {
        return base;
    }

    /** An engine with busybox imported as {@code name} (see {@link #importBusybox(String)}) before each test. */
    public static EngineFixture withBusybox(String name) {
        return new EngineFixture(name);
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException, InterruptedException {
        base = Files.createTempDirectory("berth-it-engine-");
        dataRoot = Files.createDirectories(base.resolve("data"));
        byte[] random = new byte[4];
        new SecureRandom().nextBytes(random);
        cgroupParent = "berth-it-" + HexFormat.of().formatHex(random);
        engine = Engine.open(dataRoot, Cgroups.detect(cgroupParent));
        if (busyboxName != null) {
            importBusybox(busyboxName);
        }
    }

    /**
     * Imports a busybox-static root filesystem as {@code name}: the applets in /bin, users root,
     * user (1000, also in group staff 50), /tmp, and /data/seed.txt for copy-up tests.
     */
    void importBusybox(String name) throws IOException, InterruptedException {
        engine.imageStore().importRootfs(new ByteArrayInputStream(busyboxTar()), "busybox.tar", ImageReference.parse(name));
    }

    static byte[] busyboxTar() throws IOException, InterruptedException {
        return BusyboxRootfs.tar();
    }

    /** Creates, starts and waits for a container; returns its ID. */
    String run(RunRequest request) {
        String id = engine.create(request);
        engine.runtime().start(id);
        engine.runtime().waitFor(id);
        return id;
    }

    /** Creates and starts a container; returns its ID. */
    public String start(RunRequest request) {
        String id = engine.create(request);
        engine.runtime().start(id);
        return id;
    }

    /** The container's stdout and stderr, in order. */
    String output(String id) {
        return engine.runtime().logs(id).stream().map(LogEntry::log).collect(Collectors.joining());
    }

    /** Polls {@code condition} every 5 ms until it holds, failing after 10 s. */
    public static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("timed out waiting for %s", what).isLessThan(deadline);
            LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
        }
    }

    /** The container's cgroup folder for {@code controller} on this (v1) host. */
    Path cgroupDir(String controller, String id) {
        return CGROUP_ROOT.resolve(controller).resolve(cgroupParent).resolve(id);
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        if (engine == null) {
            // the set-up failed before any container could exist
            if (base != null) {
                Trees.deleteRecursively(base);
            }
            return;
        }
        List<Throwable> failures = new ArrayList<>();
        for (ContainerInspect c : engine.runtime().list()) {
            try {
                engine.remove(c.id(), true, true);
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
        List<Path> leftCgroups = TestCgroups.removeParent(cgroupParent);
        String mounts = Files.readString(Path.of("/proc/self/mountinfo"));
        Trees.deleteRecursively(base);
        assertThat(failures).as("container removal failures").isEmpty();
        assertThat(leftCgroups).as("container cgroups left behind").isEmpty();
        assertThat(mounts).as("mounts of the test's data root").doesNotContain(base.toString());
    }
}
