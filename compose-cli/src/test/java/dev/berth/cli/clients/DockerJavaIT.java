package dev.berth.cli.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * docker-java 3.6 with its dependency-free transport (unversioned paths, as Java programs send
 * them) driving {@code berth engine serve}: create, start, logs, exec, inspect, list, stop, wait
 * and remove, with Docker's exceptions for missing and conflicting containers.
 */
class DockerJavaIT {

    @RegisterExtension
    static final BerthDaemon DAEMON = new BerthDaemon();

    private DockerClient docker;
    private DockerHttpClient http;

    @BeforeEach
    void client() {
        var config = DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost(DAEMON.host()).build();
        http = new ZerodepDockerHttpClient.Builder().dockerHost(config.getDockerHost()).build();
        docker = DockerClientImpl.getInstance(config, http);
    }

    @AfterEach
    void close() throws Exception {
        docker.close();
    }

    /** What a callback collected from a framed stream, by stream. */
    private static final class Output extends ResultCallback.Adapter<Frame> {
        final StringBuilder out = new StringBuilder();
        final StringBuilder err = new StringBuilder();

        @Override
        public void onNext(Frame frame) {
            String text = new String(frame.getPayload(), StandardCharsets.UTF_8);
            (frame.getStreamType() == StreamType.STDERR ? err : out).append(text);
        }
    }

    @Test
    void containerLifecycle_createStartLogsExecInspectStopRemove() throws Exception {
        String id = docker.createContainerCmd(BerthDaemon.IMAGE).withName("dj-life")
                .withLabels(Map.of("suite", "docker-java")).withEnv("GREETING=hello")
                .withCmd("sh", "-c", "echo $GREETING; echo oops >&2; exec sleep 300").exec().getId();
        try {
            docker.startContainerCmd(id).exec();
            assertThat(docker.inspectContainerCmd(id).exec().getState().getRunning()).isTrue();

            Output logs = awaitLogs(id, "hello\n", "oops\n");
            assertThat(logs.out.toString()).isEqualTo("hello\n");
            assertThat(logs.err.toString()).isEqualTo("oops\n");

            String exec = docker.execCreateCmd(id).withCmd("sh", "-c", "echo in-$GREETING; echo e >&2; exit 3")
                    .withAttachStdout(true).withAttachStderr(true).exec().getId();
            Output execOutput = docker.execStartCmd(exec).exec(new Output());
            assertThat(execOutput.awaitCompletion(60, TimeUnit.SECONDS)).isTrue();
            assertThat(execOutput.out.toString()).isEqualTo("in-hello\n");
            assertThat(execOutput.err.toString()).isEqualTo("e\n");
            assertThat(docker.inspectExecCmd(exec).exec().getExitCodeLong()).isEqualTo(3L);

            List<Container> listed = docker.listContainersCmd().withShowAll(true)
                    .withLabelFilter(Map.of("suite", "docker-java")).exec();
            assertThat(listed).extracting(Container::getId).containsExactly(id);
            assertThat(listed.getFirst().getNames()).containsExactly("/dj-life");

            // sleep is PID 1 and has no handler for SIGTERM: the kernel ignores it, SIGKILL follows after 1 s
            docker.stopContainerCmd(id).withTimeout(1).exec();
            assertThat(docker.waitContainerCmd(id).start().awaitStatusCode(60, TimeUnit.SECONDS)).isEqualTo(137);
            assertThat(docker.inspectContainerCmd(id).exec().getState().getExitCodeLong()).isEqualTo(137L);
        } finally {
            docker.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
        }
        assertThatThrownBy(() -> docker.inspectContainerCmd(id).exec()).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("No such container: " + id);
    }

    @Test
    void sameName_twice_isAConflict_andRemovingAMissingContainer_isNotFound() {
        String id = docker.createContainerCmd(BerthDaemon.IMAGE).withName("dj-twice").withCmd("true").exec().getId();
        try {
            assertThatThrownBy(() -> docker.createContainerCmd(BerthDaemon.IMAGE).withName("dj-twice").withCmd("true")
                    .exec()).isInstanceOf(ConflictException.class)
                    .hasMessageContaining("is already in use by container").hasMessageContaining(id);
        } finally {
            docker.removeContainerCmd(id).exec();
        }
        assertThatThrownBy(() -> docker.removeContainerCmd("dj-never").withForce(true).exec())
                .isInstanceOf(NotFoundException.class).hasMessageContaining("No such container: dj-never");
    }

    /** Reads the container's log until it holds what is expected (the container writes it after start). */
    private Output awaitLogs(String id, String out, String err) throws Exception {
        long end = System.nanoTime() + BerthDaemon.DEADLINE.toNanos();
        while (true) {
            Output logs = docker.logContainerCmd(id).withStdOut(true).withStdErr(true).withTailAll().exec(new Output());
            assertThat(logs.awaitCompletion(60, TimeUnit.SECONDS)).isTrue();
            if ((logs.out.toString().equals(out) && logs.err.toString().equals(err)) || System.nanoTime() > end) {
                return logs;
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }
}
