package dev.berth.engine.runtime;

import dev.berth.engine.core.LogEntry;
import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.engine.layer.Trees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A temporary data root with a busybox layer for each test, and the leak check every runtime test
 * ends with. Register it with {@code @RegisterExtension final RuntimeFixture fx = new RuntimeFixture();}.
 */
final class RuntimeFixture implements BeforeEachCallback, AfterEachCallback {

    Path base;
    Path dataRoot;
    Path layer;
    ContainerRuntime runtime;

    @Override
    public void beforeEach(ExtensionContext context) throws IOException, InterruptedException {
        base = Files.createTempDirectory("berth-rt-");
        dataRoot = Files.createDirectories(base.resolve("data"));
        layer = BusyboxRootfs.create(Files.createDirectories(base.resolve("layer")));
        runtime = new ContainerRuntime(dataRoot);
    }

    CreateOptions.Builder options(String... command) {
        return CreateOptions.builder(List.of(layer)).command(command);
    }

    /** Creates, starts and waits for a container; returns its ID. */
    String run(CreateOptions options) {
        String id = runtime.create(options);
        runtime.start(id);
        runtime.waitFor(id);
        return id;
    }

    /** The stdout and stderr of a container's log, in order, as one string. */
    String output(String id) {
        return runtime.logs(id).stream().map(LogEntry::log).collect(Collectors.joining());
    }

    /** Removes every container, then checks no process, mount or file of the test remains. */
    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        if (runtime == null) {
            // the set-up failed before any container could exist
            if (base != null) {
                Trees.deleteRecursively(base);
            }
            return;
        }
        List<ContainerState> states = new ContainerStore(dataRoot).loadAll();
        for (ContainerInspect c : runtime.list()) {
            runtime.remove(c.id(), true);
        }
        for (ContainerState s : states) {
            if (s.monitorPid() > 0) {
                assertThat(Syscalls.isAlive(s.monitorPid(), s.monitorStartTime()))
                        .as("monitor of %s still running", s.id()).isFalse();
            }
        }
        String mounts = Files.readString(Path.of("/proc/self/mountinfo"));
        assertThat(mounts).doesNotContain(base.toString());
        Trees.deleteRecursively(base);
    }
}
