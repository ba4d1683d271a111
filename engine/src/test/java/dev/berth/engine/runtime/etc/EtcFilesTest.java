package dev.berth.engine.runtime.etc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EtcFilesTest {

    @Test
    void hosts_hasDockersLines_andTheContainersAddress() {
        assertThat(EtcFiles.hosts("probe", Optional.of("172.17.0.2"))).isEqualTo("""
                127.0.0.1\tlocalhost
                ::1\tlocalhost ip6-localhost ip6-loopback
                fe00::0\tip6-localnet
                ff00::0\tip6-mcastprefix
                ff02::1\tip6-allnodes
                ff02::2\tip6-allrouters
                172.17.0.2\tprobe
                """);
    }

    @Test
    void hosts_withoutAnAddress_hasOnlyTheDefaultLines() {
        assertThat(EtcFiles.hosts("probe", Optional.empty())).isEqualTo(EtcFiles.DEFAULT_HOSTS)
                .doesNotContain("probe");
    }

    @Test
    void hostname_isTheNameAndANewline() {
        assertThat(EtcFiles.hostname("3f4e5d6c7b8a")).isEqualTo("3f4e5d6c7b8a\n");
    }

    @Test
    void resolvConf_dropsLocalhostAndIpv6Nameservers_keepingTheRest() {
        String host = """
                # managed by dhcp
                search lan
                nameserver 10.0.0.2
                nameserver 127.0.0.1
                nameserver ::1
                nameserver 2001:db8::1
                options edns0
                """;

        assertThat(EtcFiles.resolvConf(host, false)).isEqualTo("""
                # managed by dhcp
                search lan
                nameserver 10.0.0.2
                options edns0
                """);
        assertThat(EtcFiles.resolvConf(host, true)).contains("nameserver 2001:db8::1\n")
                .doesNotContain("127.0.0.1");
    }

    @Test
    void resolvConf_fallsBackToDockersDefaults_whenNoNameserverRemains() {
        String systemdStub = "nameserver 127.0.0.53\noptions edns0 trust-ad\nsearch .\n";

        assertThat(EtcFiles.resolvConf(systemdStub, false))
                .isEqualTo("options edns0 trust-ad\nsearch .\n\nnameserver 8.8.8.8\nnameserver 8.8.4.4");
    }

    @Test
    void resolvConfWithNameserver_pointsAtBerthsDns_keepingTheSearchLine() {
        assertThat(EtcFiles.resolvConfWithNameserver("nameserver 10.0.0.2\nsearch corp.example\n", "10.89.0.1"))
                .isEqualTo("nameserver 10.89.0.1\nsearch corp.example\noptions ndots:0\n");
    }

    @Test
    void write_createsTheThreeFilesWithMode0644(@TempDir Path dir) throws Exception {
        EtcFiles.Paths paths = EtcFiles.write(dir, EtcFiles.hostname("web"),
                EtcFiles.hosts("web", Optional.empty()), "nameserver 10.0.0.2\n");

        assertThat(paths.hostname()).hasContent("web");
        assertThat(paths.resolvConf()).hasContent("nameserver 10.0.0.2");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(paths.hosts())))
                .isEqualTo("rw-r--r--");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("hostname", "hosts", "resolv.conf");
        }
    }
}
