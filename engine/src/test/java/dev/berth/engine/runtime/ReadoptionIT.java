package dev.berth.engine.runtime;

import dev.berth.engine.core.LogEntry;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A new engine JVM re-adopts the containers of one that was killed with SIGKILL. */
class ReadoptionIT {

    @RegisterExtension
    final RuntimeFixture fx = new RuntimeFixture();
    private Process child;

    /** Runs before the fixture's own clean-up, which must find no process of the test alive. */
    @AfterEach
    void stopChild() throws Exception {
        if (child != null && child.isAlive()) {
            child.destroyForcibly().waitFor();
        }
    }

    @Test
    void newRuntime_findsTheRunningContainer_itsLogs_andTheExitCodeOfAStoppedOne() throws Exception {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path")));
        String launcher = System.getProperty("berth.launcher");
        if (launcher != null) {
            cmd.add("-Dberth.launcher=" + launcher);
        }
        cmd.addAll(List.of(ReadoptionMain.class.getName(), fx.dataRoot.toString(), fx.layer.toString()));
        child = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String line = new BufferedReader(new InputStreamReader(child.getInputStream())).readLine();
        assertThat(line).as("the child JVM printed the container IDs").isNotNull();
        String longId = line.split(" ")[0];
        String shortId = line.split(" ")[1];

        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).isEqualTo(137);

        ContainerRuntime fresh = new ContainerRuntime(fx.dataRoot);
        assertThat(fresh.inspect(longId).running()).isTrue();
        assertThat(fresh.inspect(shortId).exitCode()).isEqualTo(3);
        assertThat(fresh.logs(shortId)).extracting(LogEntry::log).containsExactly("bye\n");
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (fresh.logs(longId).isEmpty() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
        }
        assertThat(fresh.logs(longId)).extracting(LogEntry::log).containsExactly("started\n");

        fresh.kill(longId, 15);
        assertThat(fresh.waitFor(longId)).isEqualTo(42);
        ContainerInspect inspect = fresh.inspect(longId);
        assertThat(inspect.status()).isEqualTo(ContainerStatus.EXITED);
        assertThat(fresh.logs(longId)).extracting(LogEntry::log).containsExactly("started\n", "stopping\n");
        assertThat(new ContainerRuntime(fx.dataRoot).inspect(longId).exitCode()).isEqualTo(42);
    }

    @Test
    void aContainerWhoseStarterWasKilledBeforeItRecordedTheMonitor_isShownExited_withTheMonitorsCode() {
        String id = fx.run(fx.options("sh", "-c", "exit 7").build());
        ContainerStore store = new ContainerStore(fx.dataRoot);
        ContainerState ran = store.state(id).orElseThrow();
        // what a process killed between spawning the launcher and recording it leaves on disk
        store.save(new ContainerState(id, ran.name(), ContainerStatus.CREATED, 0, 0, 0, ran.createdAt(), null, null,
                0, false, null, Supervision.NONE));

        ContainerInspect seen = new ContainerRuntime(fx.dataRoot).inspect(id);

        assertThat(seen.status()).isEqualTo(ContainerStatus.EXITED);
        assertThat(seen.exitCode()).isEqualTo(7);
    }

    @Test
    void aContainerWhoseStarterWasKilledBeforeTheLauncherReported_isRunning_withItsInit_andStops() {
        String id = fx.runtime.create(fx.options("sh", "-c",
                "trap 'exit 42' TERM; while true; do sleep 0.05; done").build());
        fx.runtime.start(id);
        ContainerStore store = new ContainerStore(fx.dataRoot);
        ContainerState running = store.state(id).orElseThrow();
        // the monitor was recorded, the launcher's report of the init never was
        store.save(running.withInit(0));

        ContainerRuntime fresh = new ContainerRuntime(fx.dataRoot);

        assertThat(fresh.inspect(id).running()).isTrue();
        assertThat(fresh.inspect(id).pid()).isEqualTo(running.initPid());
        fresh.stop(id, Duration.ofSeconds(10));
        assertThat(fresh.inspect(id).exitCode()).isEqualTo(42);
    }
}
