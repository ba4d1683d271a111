package dev.berth.cli.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.berth.cli.Main;
import dev.berth.cli.ProcessContext;

/**
 * {@code berth engine image import} then {@code berth engine run} as a user runs them, in-process,
 * with real containers: the exact lines on stdout and stderr and the exit code. Where several
 * commands act at once, or one is killed, they run as processes of their own
 * ({@code java -jar target/berth.jar}).
 */
class EngineRunIT {

    private static final Path JAR = Path.of("target", "berth.jar").toAbsolutePath();

    @TempDir
    Path dir;

    Path rootfs;
    String cgroupParent;

    record Result(int exit, String out, String err) {
    }

    @BeforeEach
    void importBusybox() throws IOException {
        byte[] random = new byte[4];
        new SecureRandom().nextBytes(random);
        cgroupParent = "berth-it-cli-" + HexFormat.of().formatHex(random);
        rootfs = dir.resolve("rootfs.tar");
        BusyboxRootfs.write(rootfs, "sh", "sleep", "cat");
        Result imported = berth("image", "import", rootfs.toString(), "bb");
        assertThat(imported.exit()).as(imported.err()).isZero();
    }

    @AfterEach
    void noLeaks() throws IOException {
        Result ps = berth("ps", "-a", "-q");
        List<String> left = ps.out().lines().toList();
        if (!left.isEmpty()) {
            List<String> rm = new ArrayList<>(List.of("rm", "--force", "-v"));
            rm.addAll(left);
            berth(rm.toArray(String[]::new));
        }
        List<Path> cgroups = new ArrayList<>();
        try (Stream<Path> controllers = Files.list(Path.of("/sys/fs/cgroup"))) {
            for (Path parent : controllers.map(c -> c.resolve(cgroupParent)).filter(Files::isDirectory).toList()) {
                try (Stream<Path> children = Files.list(parent)) {
                    children.filter(Files::isDirectory).forEach(cgroups::add);
                }
                Files.delete(parent);
            }
        }
        assertThat(left).as("containers left by the test").isEmpty();
        assertThat(cgroups).as("container cgroups left by the test").isEmpty();
        assertThat(Files.readString(Path.of("/proc/self/mountinfo"))).doesNotContain(dir.toString());
    }

    private List<String> engineArgs(String... args) {
        List<String> full = new ArrayList<>(List.of("engine", "--data-root", dir.resolve("data").toString(),
                "--cgroup-parent", cgroupParent));
        full.addAll(List.of(args));
        return full;
    }

    /** {@code berth engine ARGS} as a process of its own, its stderr in a file beside its stdout pipe. */
    private Process berthProcess(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", JAR.toString()));
        command.addAll(engineArgs(args));
        Path err = Files.createTempFile(dir, "berth-", ".err");
        return new ProcessBuilder(command).redirectError(err.toFile()).start();
    }

    private Result berth(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(ProcessContext.current(), new PrintWriter(out), new PrintWriter(err),
                engineArgs(args).toArray(String[]::new));
        return new Result(exit, out.toString(), err.toString());
    }

    @Test
    void run_printsStdoutAndStderr_andExitsWithTheContainersCode() {
        Result run = berth("run", "--rm", "bb", "sh", "-c", "echo out; echo err >&2; exit 3");

        assertThat(run.out()).isEqualTo("out\n");
        assertThat(run.err()).isEqualTo("err\n");
        assertThat(run.exit()).isEqualTo(3);
        assertThat(berth("ps", "-a", "-q").out()).as("--rm removed the container").isEmpty();
    }

    @Test
    void run_withoutCommand_onAnImportedImage_is125() {
        Result run = berth("run", "--rm", "bb");

        assertThat(run.exit()).isEqualTo(125);
        assertThat(run.err()).isEqualTo("berth: No command specified\n");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void run_ofAMissingCommand_is127_andOfADirectory_is126() {
        Result missing = berth("run", "--rm", "bb", "nosuch");
        assertThat(missing.exit()).isEqualTo(127);
        assertThat(missing.err()).endsWith(": exec: \"nosuch\": executable file not found in $PATH\n");

        Result directory = berth("run", "--rm", "bb", "/bin");
        assertThat(directory.exit()).isEqualTo(126);
        assertThat(directory.err()).endsWith(": exec: \"/bin\": permission denied\n");
    }

    @Test
    void run_ofAMissingImage_is125() {
        Result run = berth("run", "--rm", "nosuchimage", "true");

        assertThat(run.exit()).isEqualTo(125);
        assertThat(run.err()).isEqualTo("berth: No such image: nosuchimage:latest\n");
    }

    @Test
    void detached_thenExecStopAndRm() {
        Result run = berth("run", "-d", "--name", "sleeper", "--init", "bb", "sleep", "1000");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).matches("[0-9a-f]{64}\n");

        Result exec = berth("exec", "sleeper", "sh", "-c", "echo inside; exit 4");
        assertThat(exec.out()).isEqualTo("inside\n");
        assertThat(exec.exit()).isEqualTo(4);

        assertThat(berth("pause", "sleeper").exit()).isZero();
        assertThat(berth("inspect", "sleeper").out()).contains("\"Status\" : \"paused\"");
        assertThat(berth("unpause", "sleeper").exit()).isZero();

        Result stop = berth("stop", "-t", "5", "sleeper");
        assertThat(stop.out()).isEqualTo("sleeper\n");
        assertThat(berth("inspect", "sleeper").out()).contains("\"ExitCode\" : 143");
        assertThat(berth("rm", "sleeper").exit()).isZero();
    }

    @Test
    void volumes_createListRm_andRmRefusedWhileUsed() {
        assertThat(berth("volume", "create", "data").out()).isEqualTo("data\n");
        Result created = berth("run", "-d", "-v", "data:/data", "bb", "sh", "-c", ":");
        String id = created.out().strip();
        Result refused = berth("volume", "rm", "data");
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).isEqualTo("remove data: volume is in use - [" + id + "]\n");
        assertThat(berth("volume", "ls", "-q").out()).isEqualTo("data\n");
        assertThat(berth("rm", "--force", id).exit()).isZero();
        assertThat(berth("volume", "rm", "data").out()).isEqualTo("data\n");
    }

    @Test
    void logsFollow_printsBothStreams_untilTheContainerEnds() {
        String id = berth("run", "-d", "bb", "sh", "-c", "echo a; echo b >&2; sleep 0.2; echo c").out().strip();

        Result logs = berth("logs", "--follow", id);
        assertThat(logs.out()).isEqualTo("a\nc\n");
        assertThat(logs.err()).isEqualTo("b\n");
        assertThat(berth("ps", "-q").out()).as("not running any more").isEmpty();
        assertThat(berth("rm", id).exit()).isZero();
    }

    @Test
    void outputThatIsNotUtf8_isPrintedAsDockerPrintsIt_byRunLogsAndLogsFollow() {
        // each byte that is not UTF-8 becomes U+FFFD; a character cut by the 16 KiB line limit, one per byte
        String script = "printf 'a\\377b\\303\\n'; printf '\\303\\251 <&>\\n' >&2;"
                + " printf '%16383s\\342\\202\\254\\n' ''";
        String out = "a\uFFFDb\uFFFD\n" + " ".repeat(16383) + "\uFFFD\uFFFD\uFFFD\n";
        String err = "\u00e9 <&>\n";

        Result run = berth("run", "--name", "bytes", "bb", "sh", "-c", script);
        assertThat(run.out()).isEqualTo(out);
        assertThat(run.err()).isEqualTo(err);
        assertThat(run.exit()).isZero();

        Result logs = berth("logs", "bytes");
        assertThat(logs.out()).isEqualTo(out);
        assertThat(logs.err()).isEqualTo(err);

        Result follow = berth("logs", "--follow", "bytes");
        assertThat(follow.out()).isEqualTo(out);
        assertThat(follow.err()).isEqualTo(err);
        assertThat(berth("rm", "bytes").exit()).isZero();
    }

    @Test
    void kill_withASignalName_reachesPid1() {
        String id = berth("run", "-d", "--init", "bb", "sleep", "1000").out().strip();

        assertThat(berth("kill", "-s", "SIGUSR1", id).exit()).isZero();
        assertThat(berth("logs", "--follow", id).exit()).isZero();
        assertThat(berth("inspect", id).out()).contains("\"ExitCode\" : 138");
        assertThat(berth("kill", "-s", "NOPE", id).err()).isEqualTo("Invalid signal: NOPE\n");
        assertThat(berth("rm", id).exit()).isZero();
    }

    @Test
    void tenParallelRuns_withOneName_giveOneContainer_andDockersConflictToTheOthers() throws Exception {
        List<Process> runs = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            runs.add(berthProcess("run", "-d", "--name", "same", "bb", "sh", "-c", ":"));
        }
        List<String> outs = new ArrayList<>();
        List<Integer> exits = new ArrayList<>();
        for (Process run : runs) {
            outs.add(new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            assertThat(run.waitFor(120, TimeUnit.SECONDS)).isTrue();
            exits.add(run.exitValue());
        }

        List<String> ids = berth("ps", "-a", "-q").out().lines().toList();
        assertThat(ids).as("containers").hasSize(1);
        assertThat(exits).containsOnly(0, 125).filteredOn(e -> e == 0).hasSize(1);
        List<String> printed = outs.stream().filter(o -> !o.isEmpty()).toList();
        assertThat(printed).hasSize(1).allMatch(o -> o.matches(ids.getFirst() + "[0-9a-f]{52}\n"));
        String winner = printed.getFirst().strip();
        try (Stream<Path> errs = Files.list(dir).filter(f -> f.toString().endsWith(".err"))) {
            assertThat(errs.map(EngineRunIT::read).filter(e -> !e.isEmpty()).toList()).hasSize(9)
                    .containsOnly("berth: Conflict. The container name \"/same\" is already in use by container \""
                            + winner + "\". You have to remove (or rename) that container to be able to reuse that"
                            + " name.\n");
        }
        assertThat(berth("rm", "--force", "same").exit()).isZero();
    }

    @Test
    void runRm_whoseClientIsKilled_isRemovedByTheNextCommand_onceItHasEnded() throws Exception {
        Process run = berthProcess("run", "--rm", "-v", "/anon", "bb", "sh", "-c", "echo up; sleep 1000");
        BufferedReader out = new BufferedReader(new InputStreamReader(run.getInputStream(), StandardCharsets.UTF_8));
        assertThat(out.readLine()).isEqualTo("up");
        run.destroyForcibly();
        assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();

        String id = berth("ps", "-q").out().strip();
        assertThat(id).as("still running without its client, as under Docker").matches("[0-9a-f]{12}");
        assertThat(berth("volume", "ls", "-q").out().lines()).hasSize(1);
        assertThat(berth("kill", id).exit()).isZero();

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!berth("ps", "-a", "-q").out().isEmpty()) {
            assertThat(System.nanoTime()).as("the ended --rm container is removed").isLessThan(deadline);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        assertThat(berth("volume", "ls", "-q").out()).as("its anonymous volume too").isEmpty();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
