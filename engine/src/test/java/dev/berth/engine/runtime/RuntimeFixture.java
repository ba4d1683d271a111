package dev.berth.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.engine.layer.Trees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** A temporary data root with a busybox layer, and the leak check every runtime test ends with. */
final class RuntimeFixture implements AutoCloseable {

    final Path base;
    final Path dataRoot;
    final Path layer;
    final Runtime runtime;

    RuntimeFixture() throws IOException, InterruptedException {
        base = Files.createTempDirectory("berth-rt-");
        dataRoot = Files.createDirectories(base.resolve("data"));
        layer = BusyboxRootfs.create(Files.createDirectories(base.resolve("layer")));
        runtime = new Runtime(dataRoot);
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
    public void close() throws IOException {
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
