package dev.berth.engine.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The daemon in this process on a temporary socket and data root: its claim on the data root, its files, its socket. */
class DaemonIT {

    private Path folder;
    private DaemonConfig config;
    private Daemon daemon;

    @BeforeEach
    void configure() throws IOException {
        folder = Files.createTempDirectory("berth-daemon-it");
        config = configIn(folder, "berth");
    }

    private static DaemonConfig configIn(Path folder, String name) {
        Path empty = folder.resolve("daemon.json");
        try {
            Files.writeString(empty, "{}");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        DaemonSettings flags = DaemonSettings.NONE
                .withHosts(List.of("unix://" + folder.resolve("run/" + name + ".sock")))
                .withDataRoot(folder.resolve("root"))
                .withPidFile(folder.resolve("run/" + name + ".pid"));
        return DaemonConfig.resolve(flags, Map.of(), empty);
    }

    @AfterEach
    void cleanUp() throws IOException {
        if (daemon != null) {
            daemon.close();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    @Test
    void start_writesFormatPidAndLog_andServesThePing() throws IOException {
        daemon = Daemon.start(config, "0.1.0-test", EngineBinding.NONE);

        assertThat(Files.readString(config.dataRoot().resolve("berth-format"))).isEqualTo("1\n");
        assertThat(Files.readString(config.pidFile())).isEqualTo(ProcessHandle.current().pid() + "\n");
        assertThat(Files.readString(config.logFile())).contains(" info berth daemon 0.1.0-test (PID "
                + ProcessHandle.current().pid() + ") serves the Docker Engine API 1.44 on unix://" + config.socket());
        DaemonClient.Answer ping = DaemonClient.get(config.socket(), "/_ping", Duration.ofSeconds(10));
        assertThat(ping).isEqualTo(new DaemonClient.Answer(200, "OK"));
    }

    @Test
    void socket_withoutTheBerthGroup_isForRootOnly() throws Exception {
        boolean restore = berthGroupExists();
        if (restore) {
            run("groupmod", "--new-name", "berth-it-saved", "berth");
        }
        try {
            daemon = Daemon.start(config, "0.1.0-test", EngineBinding.NONE);

            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config.socket()))).isEqualTo("rw-------");
            assertThat(Files.getOwner(config.socket()).getName()).isEqualTo("root");
            assertThat(Files.readString(config.logFile()))
                    .contains("(socket for root only, mode 0600, as there is no group berth on this machine)");
        } finally {
            if (restore) {
                run("groupmod", "--new-name", "berth", "berth-it-saved");
            }
        }
    }

    @Test
    void socket_withTheBerthGroup_isForRootAndTheGroup() throws Exception {
        boolean made = !berthGroupExists();
        if (made) {
            run("groupadd", "--system", "berth");
        }
        try {
            daemon = Daemon.start(config, "0.1.0-test", EngineBinding.NONE);

            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config.socket()))).isEqualTo("rw-rw----");
            assertThat(Files.readAttributes(config.socket(), PosixFileAttributes.class).group().getName()).isEqualTo("berth");
            assertThat(Files.getOwner(config.socket()).getName()).isEqualTo("root");
        } finally {
            if (made) {
                run("groupdel", "berth");
            }
        }
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as(String.join(" ", command) + ": " + output).isZero();
    }

    @Test
    void secondDaemon_onTheSameDataRoot_isRefusedNamingTheRunningOne() {
        daemon = Daemon.start(config, "0.1.0-test", EngineBinding.NONE);
        DaemonConfig other = configIn(folder, "other");

        assertThatThrownBy(() -> Daemon.start(other, "0.1.0-test", EngineBinding.NONE))
                .isInstanceOf(DaemonException.class)
                .hasMessage("cannot start the berth daemon: another berth daemon (PID " + ProcessHandle.current().pid()
                        + ") is running on the data root " + config.dataRoot()
                        + "; stop it first (berth engine shutdown), or give this one another --data-root");
        assertThat(other.socket()).doesNotExist();
        assertThat(other.pidFile()).doesNotExist();
    }

    @Test
    void unknownDataRootFormat_isRefused_andNothingIsStarted() throws IOException {
        Files.createDirectories(config.dataRoot());
        Files.writeString(config.dataRoot().resolve("berth-format"), "7\n");

        assertThatThrownBy(() -> Daemon.start(config, "0.1.0-test", EngineBinding.NONE))
                .isInstanceOf(DaemonException.class)
                .hasMessage("data root " + config.dataRoot() + " has format version 7, but this berth reads only format 1: "
                        + "it was written by a newer berth; run that berth on it, or use another --data-root");
        assertThat(config.socket()).doesNotExist();
        assertThat(config.pidFile()).doesNotExist();
        assertThat(Files.readString(config.dataRoot().resolve("berth-format"))).isEqualTo("7\n");
    }

    @Test
    void close_removesSocketAndPidFile_andReleasesTheDataRoot() throws IOException {
        daemon = Daemon.start(config, "0.1.0-test", EngineBinding.NONE);

        daemon.close();

        assertThat(config.socket()).doesNotExist();
        assertThat(config.pidFile()).doesNotExist();
        assertThat(Files.readString(config.logFile())).contains(" info berth daemon stopped\n");
        daemon = Daemon.start(config, "0.1.0-test", EngineBinding.NONE);
        assertThat(DaemonClient.get(config.socket(), "/_ping", Duration.ofSeconds(10)).status()).isEqualTo(200);
    }

    @Test
    void socketServedBySomeoneElse_isNotTakenOver() throws IOException {
        Files.createDirectories(config.socket().getParent());
        try (ServerSocketChannel other = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            other.bind(UnixDomainSocketAddress.of(config.socket()));

            assertThatThrownBy(() -> Daemon.start(config, "0.1.0-test", EngineBinding.NONE))
                    .hasMessage("cannot start the berth daemon: something already serves the socket " + config.socket()
                            + " (another berth daemon?); stop it first, or give this one another --host");
            assertThat(config.pidFile()).doesNotExist();
        }
        Files.deleteIfExists(config.socket());
    }

    @Test
    void staleSocketFile_isReplaced() throws IOException {
        Files.createDirectories(config.socket().getParent());
        try (ServerSocketChannel gone = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            gone.bind(UnixDomainSocketAddress.of(config.socket()));
        }
        assertThat(config.socket()).exists();

        daemon = Daemon.start(config, "0.1.0-test", EngineBinding.NONE);

        assertThat(DaemonClient.get(config.socket(), "/_ping", Duration.ofSeconds(10)).status()).isEqualTo(200);
    }

    private static boolean berthGroupExists() throws IOException {
        try {
            Path.of("/").getFileSystem().getUserPrincipalLookupService().lookupPrincipalByGroupName("berth");
            return true;
        } catch (UserPrincipalNotFoundException e) {
            return false;
        }
    }
}
