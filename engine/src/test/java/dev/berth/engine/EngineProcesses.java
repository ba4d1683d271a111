package dev.berth.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Engine commands in JVMs of their own ({@link EngineProcessMain}) on the data root of an
 * {@link EngineFixture}. Register it after the fixture, so that it kills what is left of its processes
 * before the fixture's clean-up.
 */
final class EngineProcesses implements AfterEachCallback {

    private static final long TIMEOUT_SECONDS = 120;

    private final EngineFixture fx;
    private final List<Child> children = new ArrayList<>();

    EngineProcesses(EngineFixture fx) {
        this.fx = fx;
    }

    /** One engine process: started, then told to act with {@link #go()}. */
    final class Child {
        private final Process process;
        private final BufferedReader out;

        private Child(Process process) {
            this.process = process;
            this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        }

        /** Waits until the engine is open in the child (its sweep done). */
        Child awaitReady() throws Exception {
            assertThat(line()).as("first line of engine process %d", process.pid()).isEqualTo("ready");
            return this;
        }

        /** Lets the child act. */
        void go() throws IOException {
            OutputStream in = process.getOutputStream();
            in.write('\n');
            in.flush();
        }

        /** The child's result line: {@code ok ...} or {@code error MESSAGE}. */
        String result() throws Exception {
            String line = line();
            assertThat(process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)).as("engine process %d ends", process.pid())
                    .isTrue();
            return line;
        }

        /** SIGKILL, as a client killed by its user; returns once the process is gone. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            assertThat(process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
        }

        private String line() throws Exception {
            CompletableFuture<String> next = CompletableFuture.supplyAsync(() -> {
                try {
                    return out.readLine();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }, Thread::startVirtualThread);
            return next.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
    }

    /** Starts {@code EngineProcessMain VERB ARG} on the fixture's data root and cgroup parent. */
    Child start(String verb, String arg) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path")));
        String launcher = System.getProperty("berth.launcher");
        if (launcher != null) {
            cmd.add("-Dberth.launcher=" + launcher);
        }
        cmd.addAll(List.of(EngineProcessMain.class.getName(), fx.dataRoot.toString(), fx.cgroupParent, verb, arg));
        Child child = new Child(new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start());
        children.add(child);
        return child;
    }

    @Override
    public void afterEach(ExtensionContext context) throws InterruptedException {
        for (Child c : children) {
            if (c.process.isAlive()) {
                c.kill();
            }
        }
    }
}
