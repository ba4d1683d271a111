package dev.berth.cli.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.berth.cli.engine.BusyboxRootfs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The docker CLI the machine ships, driving {@code berth engine serve} as it drives dockerd; every
 * JSON response it receives is checked against {@code schemas/engine-api.yaml} when the class ends.
 */
class DockerCliIT {

    @RegisterExtension
    static final BerthDaemon DAEMON = new BerthDaemon();

    private DockerCli docker;

    @BeforeEach
    void client() throws Exception {
        docker = new DockerCli(DAEMON.host(), DAEMON.folder().resolve("docker-config"));
    }

    @Test
    void versionAndInfo_nameBerthsEngine() throws Exception {
        assertThat(docker.ok("version", "--format", "{{.Server.APIVersion}} {{.Server.Os}}")).isEqualTo("1.44 linux\n");
        assertThat(docker.ok("info", "--format", "{{.OSType}} {{.Driver}}")).isEqualTo("linux overlay2\n");
    }

    @Test
    void volumes_areCreatedListedInspectedAndRemoved() throws Exception {
        assertThat(docker.ok("volume", "create", "--label", "suite=cli", "cli-data")).isEqualTo("cli-data\n");
        assertThat(docker.ok("volume", "ls", "-q", "--filter", "label=suite=cli")).isEqualTo("cli-data\n");
        assertThat(docker.ok("volume", "inspect", "--format", "{{.Driver}} {{.Labels}}", "cli-data"))
                .isEqualTo("local map[suite:cli]\n");
        assertThat(docker.ok("volume", "rm", "cli-data")).isEqualTo("cli-data\n");
        assertThat(docker.fails("volume", "inspect", "cli-data")).contains("get cli-data: no such volume");
    }

    @Test
    void runInTheForeground_printsBothStreams_andExitsWithTheContainersCode() throws Exception {
        DockerCli.Result run = docker.run("run", "--rm", "--name", "cli-fg", BerthDaemon.IMAGE, "sh", "-c",
                "echo out; echo err >&2; exit 5");
        assertThat(run.exitCode()).isEqualTo(5);
        assertThat(run.out()).isEqualTo("out\n");
        assertThat(run.err()).isEqualTo("err\n");
        assertThat(docker.ok("ps", "-aq", "--filter", "name=cli-fg")).isEmpty();
    }

    @Test
    void detachedContainer_isListedLogsExecsStopsWaitsAndIsRemoved() throws Exception {
        String id = docker.ok("run", "-d", "--name", "cli-bg", "--label", "suite=cli", "-e", "WHO=berth",
                BerthDaemon.IMAGE, "sh", "-c", "echo hello $WHO; trap 'exit 3' TERM; while true; do sleep 0.1; done")
                .strip();
        try {
            assertThat(docker.ok("ps", "--filter", "label=suite=cli", "--format", "{{.ID}} {{.Names}} {{.State}}"))
                    .isEqualTo(id.substring(0, 12) + " cli-bg running\n");
            awaitLogs("cli-bg", "hello berth\n");
            DockerCli.Result exec = docker.run("exec", "cli-bg", "sh", "-c", "echo in $WHO; exit 7");
            assertThat(exec.exitCode()).isEqualTo(7);
            assertThat(exec.out()).isEqualTo("in berth\n");
            assertThat(docker.run("hello from stdin\n".getBytes(StandardCharsets.UTF_8), "exec", "-i", "cli-bg", "cat")
                    .out()).isEqualTo("hello from stdin\n");
            assertThat(docker.ok("top", "cli-bg")).contains("sleep");
            assertThat(docker.ok("stats", "--no-stream", "--format", "{{.Name}}", "cli-bg")).isEqualTo("cli-bg\n");
            assertThat(docker.ok("inspect", "--format", "{{.State.Status}} {{.Config.Labels.suite}} {{.Name}}",
                    "cli-bg")).isEqualTo("running cli /cli-bg\n");

            assertThat(docker.ok("stop", "-t", "5", "cli-bg")).isEqualTo("cli-bg\n");
            assertThat(docker.ok("wait", "cli-bg")).isEqualTo("3\n");
            assertThat(docker.ok("inspect", "--format", "{{.State.ExitCode}} {{.State.Running}}", "cli-bg"))
                    .isEqualTo("3 false\n");
        } finally {
            docker.ok("rm", "-f", "cli-bg");
        }
        assertThat(docker.fails("inspect", "cli-bg")).contains("No such object: cli-bg");
    }

    @Test
    void cp_copiesIntoAndOutOfAContainer() throws Exception {
        Path folder = Files.createDirectories(DAEMON.folder().resolve("cp"));
        Files.writeString(folder.resolve("in.txt"), "from the host\n");
        docker.ok("create", "--name", "cli-cp", BerthDaemon.IMAGE, "true");
        try {
            docker.ok("cp", folder.resolve("in.txt").toString(), "cli-cp:/in.txt");
            docker.ok("cp", "cli-cp:/in.txt", folder.resolve("out.txt").toString());
            assertThat(folder.resolve("out.txt")).hasContent("from the host");
        } finally {
            docker.ok("rm", "cli-cp");
        }
    }

    @Test
    void import_storesARootFilesystem_thatRunsAtOnce() throws Exception {
        Path rootfs = DAEMON.folder().resolve("import.tar");
        BusyboxRootfs.write(rootfs, "sh", "echo");
        assertThat(docker.ok("import", "--change", "CMD [\"echo\", \"imported\"]", rootfs.toString(), "cli-imported:1"))
                .startsWith("sha256:");
        assertThat(docker.ok("run", "--rm", "cli-imported:1")).isEqualTo("imported\n");
        assertThat(docker.ok("rmi", "cli-imported:1")).startsWith("Untagged: cli-imported:1\n");
        assertThat(docker.fails("pull", "busybox:latest")).contains("docker load");
    }

    /** Reads the container's log until it is what is expected (it is written after the start). */
    private void awaitLogs(String container, String expected) throws Exception {
        long end = System.nanoTime() + BerthDaemon.DEADLINE.toNanos();
        String logs;
        do {
            logs = docker.ok("logs", container);
            if (logs.equals(expected)) {
                return;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < end);
        assertThat(logs).isEqualTo(expected);
    }
}
