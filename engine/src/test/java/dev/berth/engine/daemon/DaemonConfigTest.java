package dev.berth.engine.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DaemonConfigTest {

    private Path folder;
    private Path file;

    @BeforeEach
    void makeFolder() throws IOException {
        folder = Files.createTempDirectory("berth-daemon-config");
        file = folder.resolve("daemon.json");
    }

    @AfterEach
    void removeFolder() throws IOException {
        Files.deleteIfExists(file);
        Files.delete(folder);
    }

    @Test
    void defaults_whenNothingIsConfigured() {
        DaemonConfig config = DaemonConfig.resolve(DaemonSettings.NONE, Map.of(), null);

        assertThat(config.socket()).isEqualTo(Path.of("/run/berth/berth.sock"));
        assertThat(config.dataRoot()).isEqualTo(Path.of("/var/lib/berth"));
        assertThat(config.pidFile()).isEqualTo(Path.of("/run/berth/berth.pid"));
        assertThat(config.logFile()).isEqualTo(Path.of("/var/lib/berth/berth.log"));
        assertThat(config.configFile()).isEqualTo(Path.of("/etc/berth/daemon.json"));
    }

    @Test
    void flags_winOverEnvironment_whichWinsOverTheFile() throws IOException {
        Files.writeString(file, """
                {"data-root": "/srv/file-root", "hosts": ["unix:///srv/file.sock"], "pidfile": "/srv/file.pid",
                 "registry-mirrors": ["https://file-mirror"], "labels": ["from=file"]}
                """);
        Map<String, String> env = Map.of("BERTH_DATA_ROOT", "/srv/env-root", "BERTH_HOST", "unix:///srv/env.sock");
        DaemonSettings flags = DaemonSettings.NONE.withDataRoot(Path.of("/srv/flag-root"));

        DaemonConfig config = DaemonConfig.resolve(flags, env, file);

        assertThat(config.dataRoot()).isEqualTo(Path.of("/srv/flag-root"));
        assertThat(config.socket()).isEqualTo(Path.of("/srv/env.sock"));
        assertThat(config.pidFile()).isEqualTo(Path.of("/srv/file.pid"));
        assertThat(config.registryMirrors()).containsExactly("https://file-mirror");
        assertThat(config.labels()).containsExactly("from=file");
        assertThat(config.logFile()).isEqualTo(Path.of("/srv/flag-root/berth.log"));
    }

    @Test
    void environment_namesTheConfigFile_andListsAreCommaSeparated() throws IOException {
        Files.writeString(file, "{\"data-root\": \"/srv/file-root\"}");
        Map<String, String> env = Map.of("BERTH_CONFIG_FILE", file.toString(),
                "BERTH_INSECURE_REGISTRIES", "localhost:5000, 10.0.0.0/8");

        DaemonConfig config = DaemonConfig.resolve(DaemonSettings.NONE, env, null);

        assertThat(config.configFile()).isEqualTo(file);
        assertThat(config.dataRoot()).isEqualTo(Path.of("/srv/file-root"));
        assertThat(config.insecureRegistries()).containsExactly("localhost:5000", "10.0.0.0/8");
    }

    @Test
    void file_readsDockersKeyNames() throws IOException {
        Files.writeString(file, """
                {"default-address-pools": [{"base": "172.30.0.0/16", "size": 24}],
                 "log-opts": {"max-size": "10m", "max-file": "3"}, "insecure-registries": ["localhost:5000"]}
                """);

        DaemonConfig config = DaemonConfig.resolve(DaemonSettings.NONE, Map.of(), file);

        assertThat(config.defaultAddressPools()).containsExactly(new AddressPool("172.30.0.0/16", 24));
        assertThat(config.logOpts()).isEqualTo(Map.of("max-size", "10m", "max-file", "3"));
        assertThat(config.insecureRegistries()).containsExactly("localhost:5000");
    }

    @Test
    void file_withAnUnknownKey_isRefusedNamingFileAndKey() throws IOException {
        Files.writeString(file, "{\"data-root\": \"/srv/x\", \"log-driver\": \"journald\"}");

        assertThatThrownBy(() -> DaemonConfig.resolve(DaemonSettings.NONE, Map.of(), file))
                .isInstanceOf(DaemonException.class)
                .hasMessage(file + ": unknown key \"log-driver\"; berth reads data-root, default-address-pools, hosts, "
                        + "insecure-registries, labels, log-file, log-opts, pidfile, registry-mirrors");
    }

    @Test
    void file_withAValueOfTheWrongType_isRefusedNamingFileAndKey() throws IOException {
        Files.writeString(file, "{\"registry-mirrors\": \"https://mirror\"}");
        assertThatThrownBy(() -> DaemonConfig.resolve(DaemonSettings.NONE, Map.of(), file))
                .hasMessage(file + ": \"registry-mirrors\" must be a list of strings, not a string");

        Files.writeString(file, "{\"hosts\": [\"unix:///a.sock\", 2]}");
        assertThatThrownBy(() -> DaemonConfig.resolve(DaemonSettings.NONE, Map.of(), file))
                .hasMessage(file + ": \"hosts[1]\" must be a string, not a number");

        Files.writeString(file, "{\"log-opts\": {\"max-file\": 3}}");
        assertThatThrownBy(() -> DaemonConfig.resolve(DaemonSettings.NONE, Map.of(), file))
                .hasMessage(file + ": \"log-opts.max-file\" must be a string, not a number");

        Files.writeString(file, "{\"default-address-pools\": [{\"base\": \"172.30.0.0/16\", \"size\": \"24\"}]}");
        assertThatThrownBy(() -> DaemonConfig.resolve(DaemonSettings.NONE, Map.of(), file))
                .hasMessage(file + ": \"default-address-pools[0].size\" must be a prefix length from 1 to 32");
    }

    @Test
    void file_withARelativePath_isRefused() throws IOException {
        Files.writeString(file, "{\"data-root\": \"var/lib/berth\"}");

        assertThatThrownBy(() -> DaemonConfig.resolve(DaemonSettings.NONE, Map.of(), file))
                .hasMessage(file + ": \"data-root\" must be an absolute path, not \"var/lib/berth\"");
    }

    @Test
    void file_thatIsNotJson_isRefusedWithItsPosition() throws IOException {
        Files.writeString(file, "{\n  \"data-root\": \"/x\",\n}");

        assertThatThrownBy(() -> DaemonConfig.resolve(DaemonSettings.NONE, Map.of(), file))
                .hasMessage(file + ": not valid JSON (line 3, column 1): Unexpected character ('}' (code 125)): "
                        + "was expecting double-quote to start field name");
    }

    @Test
    void explicitFile_mustExist_butTheDefaultOneMayNot() {
        Path missing = folder.resolve("missing.json");

        assertThatThrownBy(() -> DaemonConfig.resolve(DaemonSettings.NONE, Map.of(), missing))
                .hasMessage(missing + ": no such configuration file");
    }

    @Test
    void tcpHost_isRefusedWithWhatBerthServes() {
        DaemonSettings flags = DaemonSettings.NONE.withHosts(List.of("tcp://0.0.0.0:2375"));

        assertThatThrownBy(() -> DaemonConfig.resolve(flags, Map.of(), null))
                .hasMessage("host tcp://0.0.0.0:2375: berth does not serve the API over TCP yet; only on a unix socket "
                        + "(unix:///path), whose file permissions decide who may drive the engine");
    }

    @Test
    void relativeEnvironmentPath_isRefused() {
        assertThatThrownBy(() -> DaemonConfig.resolve(DaemonSettings.NONE, Map.of("BERTH_PIDFILE", "berth.pid"), null))
                .hasMessage("BERTH_PIDFILE=berth.pid: must be an absolute path");
    }
}
