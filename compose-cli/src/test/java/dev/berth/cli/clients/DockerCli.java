package dev.berth.cli.clients;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The docker CLI the machine ships ({@code /usr/local/bin/docker}, 28.x) on a given host, with a
 * configuration folder of its own so the user's contexts and credentials play no part.
 */
final class DockerCli {

    static final Path BINARY = Path.of("/usr/local/bin/docker");

    private final String host;
    private final Path config;

    DockerCli(String host, Path config) throws IOException {
        this.host = host;
        this.config = Files.createDirectories(config);
    }

    record Result(int exitCode, String out, String err) {
    }

    /** Runs {@code docker ARGS} with no input; returns its exit code and output. */
    Result run(String... args) throws IOException, InterruptedException {
        return run(null, args);
    }

    /** Runs {@code docker ARGS} with {@code input} on its stdin (closed after it), or none when null. */
    Result run(byte[] input, String... args) throws IOException, InterruptedException {
        Process process = start(args);
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
        if (input != null) {
            process.getOutputStream().write(input);
        }
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(BerthDaemon.DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("docker " + String.join(" ", args) + " did not end within " + BerthDaemon.DEADLINE);
        }
        return new Result(process.exitValue(), out, new String(err.join(), StandardCharsets.UTF_8));
    }

    /** Runs {@code docker ARGS}, which must succeed; returns its standard output. */
    String ok(String... args) throws IOException, InterruptedException {
        Result r = run(args);
        if (r.exitCode() != 0) {
            throw new AssertionError("docker " + String.join(" ", args) + " exited with " + r.exitCode() + ": " + r.err()
                    + r.out());
        }
        return r.out();
    }

    /** Runs {@code docker ARGS}, which must fail; returns its error output. */
    String fails(String... args) throws IOException, InterruptedException {
        Result r = run(args);
        if (r.exitCode() == 0) {
            throw new AssertionError("docker " + String.join(" ", args) + " succeeded but should have failed: " + r.out());
        }
        return r.err();
    }

    /** Starts {@code docker ARGS} for a test that drives its input and output itself. */
    Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(BINARY.toString(), "--config", config.toString(), "-H", host));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("DOCKER_HOST");
        builder.environment().remove("DOCKER_CONTEXT");
        return builder.start();
    }

    private static byte[] readAll(java.io.InputStream in) {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
