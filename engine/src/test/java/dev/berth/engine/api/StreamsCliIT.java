package dev.berth.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.engine.EngineFixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The docker CLI driving the streaming routes as a user runs it: foreground {@code run} (plain,
 * {@code -i} with piped stdin, {@code -t} through a pseudo-terminal), {@code logs}, {@code exec}
 * (plain, {@code -i}, {@code -it}), with their output and exit codes.
 */
class StreamsCliIT {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final String IMAGE = "bb-streams:it";

    @RegisterExtension
    final EngineFixture fx = EngineFixture.withBusybox(IMAGE);

    private StreamApi api;

    @BeforeEach
    void start() throws IOException {
        api = new StreamApi(fx.engine(), fx.base());
        Files.createDirectories(fx.base().resolve("docker-config"));
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private record Result(int exit, String output) {
    }

    /**
     * Runs {@code command} (the docker CLI, or script(1) around it) with {@code stdin}; its exit code
     * and output. With {@code holdStdin} the input stays open after {@code stdin} until the command
     * ends: script(1) passes its own end of input on to the terminal as a byte the terminal echoes.
     */
    private Result run(String stdin, List<String> command, boolean holdStdin) throws Exception {
        Path in = Files.writeString(Files.createTempFile(fx.base(), "stdin", ".txt"), stdin);
        Path out = Files.createTempFile(fx.base(), "docker", ".out");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile())
                .redirectInput(holdStdin ? ProcessBuilder.Redirect.PIPE : ProcessBuilder.Redirect.from(in.toFile()));
        Map<String, String> env = builder.environment();
        env.put("DOCKER_HOST", "unix://" + api.socket);
        env.put("DOCKER_CONFIG", fx.base().resolve("docker-config").toString());
        Process process = builder.start();
        if (holdStdin) {
            process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().flush();
        }
        if (!process.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError(String.join(" ", command) + " did not end within " + DEADLINE + ": "
                    + Files.readString(out));
        }
        if (holdStdin) {
            process.getOutputStream().close();
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
    }

    private Result docker(String stdin, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("/usr/local/bin/docker"));
        command.addAll(List.of(args));
        return run(stdin, command, false);
    }

    /** The docker CLI on a 40x100 pseudo-terminal of script(1), as from an interactive shell. */
    private Result dockerOnATerminal(String stdin, String commandLine) throws Exception {
        return run(stdin, List.of("script", "-qec", "stty rows 40 cols 100; /usr/local/bin/docker " + commandLine,
                "/dev/null"), true);
    }

    @Test
    void runInTheForeground_showsBothStreams_andExitsWithTheContainersCode() throws Exception {
        Result r = docker("", "run", "--rm", IMAGE, "sh", "-c", "echo to-out; echo to-err >&2; exit 3");
        assertThat(r.exit()).as(r.output()).isEqualTo(3);
        assertThat(r.output()).contains("to-out\n").contains("to-err\n");
    }

    @Test
    void startAttached_showsTheRunsOutput_andExitsWithItsCode() throws Exception {
        String id = docker("", "create", IMAGE, "sh", "-c", "echo attached-run; exit 9").output().strip();
        Result r = docker("", "start", "-a", id);
        assertThat(r.exit()).as(r.output()).isEqualTo(9);
        assertThat(r.output()).isEqualTo("attached-run\n");
    }

    @Test
    void runInteractive_passesPipedStdin_andEndsAtItsEnd() throws Exception {
        Result r = docker("line one\nline two\n", "run", "--rm", "-i", IMAGE, "sh", "-c", "cat; echo stdin-closed");
        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(r.output()).isEqualTo("line one\nline two\nstdin-closed\n");
    }

    @Test
    void runWithATty_runsOnATerminalOfTheContainer() throws Exception {
        Result r = dockerOnATerminal("", "run --rm -t " + IMAGE + " sh -c 'tty; echo on-tty; exit 2'");
        assertThat(r.exit()).as(r.output()).isEqualTo(2);
        // the container's \r\n pass through script(1)'s own terminal, which may add a \r
        assertThat(r.output()).containsPattern("/dev/pts/\\d+\r+\n").containsPattern("on-tty\r+\n");
    }

    @Test
    void runInteractiveWithATty_takesTypedCommands() throws Exception {
        Result r = dockerOnATerminal("echo typed-$((6*7))\nexit 7\n", "run --rm -it " + IMAGE + " sh");
        assertThat(r.exit()).as(r.output()).isEqualTo(7);
        assertThat(r.output()).containsPattern("typed-42\r+\n");
    }

    @Test
    void logs_allTailWithTimestamps_andFollow() throws Exception {
        String id = docker("", "run", "-d", IMAGE, "sh", "-c", "for i in 1 2 3; do echo line$i; done; echo oops >&2")
                .output().strip();
        assertThat(docker("", "wait", id).output().strip()).isEqualTo("0");
        Result all = docker("", "logs", id);
        assertThat(all.exit()).isZero();
        assertThat(all.output()).contains("line1\nline2\nline3\n").contains("oops\n");
        assertThat(docker("", "logs", "--tail", "2", "-t", id).output().lines().toList())
                .hasSize(2).allMatch(l -> l.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{9}Z .*"));
        String running = docker("", "run", "-d", IMAGE, "sh", "-c", "echo begun; sleep 0.3; echo ended").output().strip();
        Result follow = docker("", "logs", "-f", running);
        assertThat(follow.exit()).isZero();
        assertThat(follow.output()).isEqualTo("begun\nended\n");
    }

    @Test
    void exec_plainInteractiveAndOnATerminal_withExitCodes() throws Exception {
        String id = docker("", "run", "-d", "--name", "streams-exec", IMAGE, "sleep", "1000").output().strip();
        Result plain = docker("", "exec", id, "sh", "-c", "echo from-exec; echo err-exec >&2; exit 4");
        assertThat(plain.exit()).isEqualTo(4);
        assertThat(plain.output()).contains("from-exec\n").contains("err-exec\n");
        Result interactive = docker("piped\n", "exec", "-i", "streams-exec", "sh", "-c", "cat; echo eof");
        assertThat(interactive.exit()).isZero();
        assertThat(interactive.output()).isEqualTo("piped\neof\n");
        Result tty = dockerOnATerminal("", "exec -it streams-exec sh -c 'tty; stty size; exit 6'");
        assertThat(tty.exit()).as(tty.output()).isEqualTo(6);
        // the terminal's size is the CLI's own (ConsoleSize at create, then resize)
        assertThat(tty.output()).containsPattern("/dev/pts/\\d+\r+\n40 100\r+\n");
    }
}
