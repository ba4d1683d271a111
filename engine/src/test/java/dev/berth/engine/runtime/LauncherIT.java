package dev.berth.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.engine.runtime.launch.LaunchSpec;
import dev.berth.engine.runtime.launch.Launched;
import dev.berth.engine.runtime.launch.Launcher;
import dev.berth.engine.runtime.launch.LauncherBinary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The launcher protocol itself: the network sync point of isolation.md section 2.5. */
class LauncherIT {

    @RegisterExtension
    final RuntimeFixture fx = new RuntimeFixture();

    @Test
    void syncNetwork_stopsInTheNewNamespaces_untilTheCallerHasWiredTheNetwork() throws Exception {
        String id = fx.runtime.create(fx.options("sh", "-c", "echo wired").build());
        ContainerStore store = new ContainerStore(fx.dataRoot);
        LaunchSpec s = LaunchSpecFactory.launch(id, store, store.config(id), List.of(), java.util.Map.of(), List.of());
        LaunchSpec synced = new LaunchSpec(s.id(), s.stateDir(), s.rootfs(), s.lowerDirs(), s.upperDir(), s.workDir(),
                s.argv(), s.env(), s.cwd(), s.privileges(), s.hostname(), s.readOnlyRoot(), s.mounts(), s.maskedPaths(),
                s.readOnlyPaths(), s.sysctls(), s.rlimits(), s.shmSize(), s.init(), s.log(), s.logFile(),
                s.cgroupProcs(), s.cgroupBinds(), true);
        List<String> seen = new ArrayList<>();
        Launched launched = new Launcher(LauncherBinary.locate()).launch(synced, pid -> {
            try {
                seen.add(Files.readSymbolicLink(Path.of("/proc/" + pid + "/ns/net")).toString());
                seen.add(Files.readString(Path.of("/proc/" + pid + "/comm")).strip());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertThat(seen).hasSize(2);
        assertThat(seen.get(0)).isNotEqualTo(Files.readSymbolicLink(Path.of("/proc/self/ns/net")).toString());
        assertThat(seen.get(1)).as("not exec'd before the network is ready").isEqualTo("berth-launch");
        long monitorStart = Syscalls.startTime(launched.monitorPid()).orElse(0);
        assertThat(Syscalls.awaitExit(launched.monitorPid(), monitorStart, 30_000)).isTrue();
        assertThat(store.exit(id)).map(ExitRecord::exitCode).contains(0);
        assertThat(fx.output(id)).isEqualTo("wired\n");
    }
}
