package dev.berth.engine;

import dev.berth.engine.core.EngineException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.engine.runtime.CreateOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratedEtcFilesTest {

    @TempDir
    Path dir;

    private final CreateOptions options = CreateOptions.builder(List.of()).command("true").build();

    @Test
    void aMissingHostResolvConf_givesDockersDefaultNameservers() throws Exception {
        Path container = Files.createDirectories(dir.resolve("c"));

        new GeneratedEtcFiles(dir.resolve("no-such-resolv.conf")).prepare("c1", container, "h", options);

        assertThat(container.resolve("resolv.conf")).hasContent("\nnameserver 8.8.8.8\nnameserver 8.8.4.4");
    }

    @Test
    void anUnreadableHostResolvConf_stopsTheStart_namingTheFile() throws Exception {
        Path container = Files.createDirectories(dir.resolve("c"));
        Path folder = Files.createDirectories(dir.resolve("resolv.conf"));

        assertThatThrownBy(() -> new GeneratedEtcFiles(folder).prepare("c1", container, "h", options))
                .isInstanceOf(EngineException.class)
                .hasMessage("cannot start container c1: cannot read the host's resolver configuration " + folder
                        + " to derive its /etc/resolv.conf: Is a directory (make it a file the engine can read)");
        assertThat(container.resolve("resolv.conf")).doesNotExist();
    }

    @Test
    void aHostResolvConfThatIsNotUtf8_isStillRead() throws Exception {
        Path container = Files.createDirectories(dir.resolve("c"));
        Path host = dir.resolve("host-resolv.conf");
        Files.write(host, new byte[] {'#', ' ', (byte) 0xff, '\n', 'n', 'a', 'm', 'e', 's', 'e', 'r', 'v', 'e', 'r', ' ',
                '1', '0', '.', '0', '.', '0', '.', '2', '\n'});

        new GeneratedEtcFiles(host).prepare("c1", container, "h", options);

        assertThat(Files.readString(container.resolve("resolv.conf"))).endsWith("nameserver 10.0.0.2\n");
    }
}
