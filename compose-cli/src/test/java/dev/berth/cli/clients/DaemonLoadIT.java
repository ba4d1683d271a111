package dev.berth.cli.clients;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Fifty docker-java clients at once, each creating, starting, inspecting, stopping and removing
 * containers in a loop for a minute ({@code -Dberth.load.seconds=N} changes it): no request fails,
 * no container is left, and the daemon's memory is printed.
 */
class DaemonLoadIT {

    private static final int CLIENTS = 50;
    private static final Duration RUN = Duration.ofSeconds(Long.getLong("berth.load.seconds", 60));

    @RegisterExtension
    static final BerthDaemon DAEMON = new BerthDaemon();

    @Test
    void fiftyClients_createStartInspectStopRemove_withoutErrorsOrLeftovers() throws Exception {
        Queue<String> errors = new ConcurrentLinkedQueue<>();
        AtomicInteger cycles = new AtomicInteger();
        long end = System.nanoTime() + RUN.toNanos();
        List<Thread> clients = new ArrayList<>();
        for (int n = 0; n < CLIENTS; n++) {
            int client = n;
            clients.add(Thread.ofVirtual().name("load-client-" + n).start(() -> {
                try (DockerClient docker = client()) {
                    for (int i = 0; System.nanoTime() < end; i++) {
                        String id = docker.createContainerCmd(BerthDaemon.IMAGE).withName("load-" + client + "-" + i)
                                .withCmd("sleep", "300").exec().getId();
                        docker.startContainerCmd(id).exec();
                        if (!Boolean.TRUE.equals(docker.inspectContainerCmd(id).exec().getState().getRunning())) {
                            errors.add("load-" + client + "-" + i + " was not running after its start");
                        }
                        docker.stopContainerCmd(id).withTimeout(0).exec();
                        docker.removeContainerCmd(id).exec();
                        cycles.incrementAndGet();
                    }
                } catch (Exception e) {
                    errors.add("client " + client + ": " + e);
                }
            }));
        }
        for (Thread t : clients) {
            t.join();
        }
        String status = Files.readString(Path.of("/proc", Long.toString(DAEMON.pid()), "status"));
        System.out.printf("load: %d clients, %d create/start/inspect/stop/remove cycles in %ds; daemon %s, %s%n",
                CLIENTS, cycles.get(), RUN.toSeconds(), field(status, "VmRSS"), field(status, "VmHWM"));

        assertThat(errors).as("failed requests").isEmpty();
        assertThat(cycles.get()).as("cycles completed").isGreaterThanOrEqualTo(CLIENTS);
        try (DockerClient docker = client()) {
            assertThat(docker.listContainersCmd().withShowAll(true).exec()).as("containers left").isEmpty();
        }
    }

    private static DockerClient client() {
        var config = DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost(DAEMON.host()).build();
        return DockerClientImpl.getInstance(config,
                new ZerodepDockerHttpClient.Builder().dockerHost(config.getDockerHost()).maxConnections(4).build());
    }

    private static String field(String status, String name) {
        return status.lines().filter(l -> l.startsWith(name + ":")).map(l -> l.replaceAll("\\s+", " "))
                .findFirst().orElse(name + ": unknown");
    }
}
