package dev.berth.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.engine.core.EngineException;

import dev.berth.engine.runtime.launch.LaunchFailedException;
import dev.berth.engine.runtime.launch.LaunchSpec;
import dev.berth.engine.runtime.launch.Launched;
import dev.berth.engine.runtime.launch.Launcher;
import dev.berth.engine.runtime.launch.LauncherBinary;
import dev.berth.engine.runtime.launch.Rlimit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The launcher protocol itself: the network sync point of isolation.md section 2.5, and the sizes of
 * what it is given (no fixed count of records; the kernel's ARG_MAX for the command line and environment).
 */
class LauncherIT {

    @RegisterExtension
    final RuntimeFixture fx = new RuntimeFixture();

    @Test
    void recordsBeyondAnyFixedCount_reachTheContainer_argumentsEnvironmentMountsAndGroups() {
        CreateOptions.Builder options = fx.options();
        List<String> command = new ArrayList<>(List.of("sh", "-c",
                "echo args=$#; env | grep -c ^V_; grep -c ' /m/' /proc/mounts; id -G | wc -w", "sh"));
        for (int i = 0; i < 5000; i++) {
            command.add("a" + i);
            options.env("V_" + i + "=value " + i);
        }
        for (int i = 0; i < 300; i++) {
            options.tmpfs("/m/" + i, "size=4k");
        }
        List<Integer> groups = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            groups.add(2000 + i);
        }

        String id = fx.run(options.command(command).extraGids(groups).build());

        assertThat(fx.output(id)).isEqualTo("args=5000\n5000\n300\n301\n");
    }

    @Test
    void threeHundredEnvironmentEntries_reachTheCommand() {
        CreateOptions.Builder options = fx.options("sh", "-c", "env | grep ^V_ | sort -t_ -k2 -n | tail -1; env | grep -c ^V_");
        for (int i = 0; i < 300; i++) {
            options.env("V_" + i + "=" + i);
        }
        String id = fx.run(options.build());
        assertThat(fx.output(id)).isEqualTo("V_299=299\n300\n");
    }

    @Test
    void anEnvironmentOverArgMax_isRefusedAtCreate_andNothingIsLeft() {
        CreateOptions.Builder options = fx.options("true").ulimit(Rlimit.parse("stack=8388608"));
        for (int i = 0; i < 30_000; i++) {
            options.env("V_" + i + "=" + "x".repeat(64));
        }

        assertThatThrownBy(() -> fx.runtime.create(options.build()))
                .isInstanceOf(EngineException.class)
                .hasMessageMatching("cannot create the container: the command line and environment"
                        + " \\(1 argument, 30003 environment entries\\) are [0-9]+ bytes, more than the kernel's"
                        + " limit ARG_MAX of 2097152 bytes .*");
        assertThat(fx.runtime.list()).isEmpty();
    }

    @Test
    void anEnvironmentTheKernelRefusesAtExec_isReportedByTheLauncher_namingArgMax() {
        // Java counts the strings and their pointers; the kernel also copies the program's path and
        // keeps a word at the top of the stack, so an environment that fills ARG_MAX exactly passes
        // the engine's check and fails at execve: the launcher must say why
        long limit = 2L * 1024 * 1024;
        CreateOptions.Builder options = fx.options("true").hostname("h").ulimit(Rlimit.parse("stack=8388608"));
        List<String> env = new ArrayList<>(LaunchSpecFactory.env(List.of(), "h", 0, null));
        long used = "true".length() + 1 + 8;
        for (String e : env) {
            used += e.length() + 1 + 8;
        }
        int i = 0;
        while (limit - used > 100_000 + 1 + 8) {
            String e = "F" + (i++) + "=";
            e += "x".repeat(100_000 - e.length());
            options.env(e);
            used += e.length() + 1 + 8;
        }
        String last = "L=";
        last += "x".repeat((int) (limit - used - 1 - 8 - last.length()));
        options.env(last);

        String id = fx.runtime.create(options.build());
        assertThatThrownBy(() -> fx.runtime.start(id))
                .isInstanceOf(LaunchFailedException.class)
                .hasMessageMatching("cannot start container " + id + ": exec: \"true\": the arguments and environment"
                        + " \\(1 \\+ [0-9]+ entries, [0-9]+ bytes\\) are more than the kernel's limit ARG_MAX"
                        + " \\(2097152 bytes; a single entry may hold at most 131072\\)");
        assertThat(fx.runtime.inspect(id).exitCode()).isEqualTo(128);
    }

    @Test
    void syncNetwork_stopsInTheNewNamespaces_untilTheCallerHasWiredTheNetwork() throws Exception {
        String id = fx.runtime.create(fx.options("sh", "-c", "echo wired").build());
        ContainerStore store = new ContainerStore(fx.dataRoot);
        LaunchSpec s = LaunchSpecFactory.launch(id, store, store.config(id), List.of(), java.util.Map.of(), List.of());
        LaunchSpec synced = new LaunchSpec(s.id(), s.stateDir(), s.rootfs(), s.lowerDirs(), s.upperDir(), s.workDir(),
                s.argv(), s.env(), s.cwd(), s.privileges(), s.hostname(), s.readOnlyRoot(), s.mounts(), s.maskedPaths(),
                s.readOnlyPaths(), s.sysctls(), s.rlimits(), s.shmSize(), s.init(), s.log(), s.logFile(),
                s.cgroupProcs(), s.cgroupBinds(), true, s.tty(), s.openStdin(), s.control());
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
