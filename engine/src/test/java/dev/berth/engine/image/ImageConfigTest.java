package dev.berth.engine.image;

import dev.berth.engine.core.Healthcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ImageConfigTest {

    private static final String DIFF = "sha256:" + "ab".repeat(32);

    private static ImageConfig parse(String json) {
        return ImageConfig.parse(json.getBytes(StandardCharsets.UTF_8), "image config test");
    }

    @Test
    void parse_readsEveryFieldTheRuntimeApplies() {
        ImageConfig config = parse("""
                {"architecture":"amd64","os":"linux","created":"2024-01-02T03:04:05.123456789Z",
                 "config":{"Env":["PATH=/usr/bin","A=b=c"],"Entrypoint":["/entry.sh"],"Cmd":["serve","--port","80"],
                   "WorkingDir":"/srv","User":"1000:1000","ExposedPorts":{"80/tcp":{},"53/udp":{}},
                   "Volumes":{"/data":{}},"Labels":{"b":"2","a":"1"},"StopSignal":"SIGQUIT",
                   "Healthcheck":{"Test":["CMD-SHELL","wget -q -O- localhost"],"Interval":30000000000,
                     "Timeout":5000000000,"StartPeriod":1000000000,"StartInterval":2000000000,"Retries":3}},
                 "rootfs":{"type":"layers","diff_ids":["%s"]}}
                """.formatted(DIFF));

        assertThat(config.architecture()).isEqualTo("amd64");
        assertThat(config.os()).isEqualTo("linux");
        assertThat(config.created()).isEqualTo("2024-01-02T03:04:05.123456789Z");
        assertThat(config.env()).containsExactly("PATH=/usr/bin", "A=b=c");
        assertThat(config.entrypoint()).containsExactly("/entry.sh");
        assertThat(config.cmd()).containsExactly("serve", "--port", "80");
        assertThat(config.workingDir()).isEqualTo("/srv");
        assertThat(config.user()).isEqualTo("1000:1000");
        assertThat(config.exposedPorts()).containsExactly("53/udp", "80/tcp");
        assertThat(config.volumes()).containsExactly("/data");
        assertThat(config.labels()).containsExactly(Map.entry("a", "1"), Map.entry("b", "2"));
        assertThat(config.stopSignal()).isEqualTo("SIGQUIT");
        assertThat(config.healthcheck()).isEqualTo(Healthcheck.ofNanos(
                List.of("CMD-SHELL", "wget -q -O- localhost"), 30_000_000_000L, 5_000_000_000L, 1_000_000_000L,
                2_000_000_000L, 3));
        assertThat(config.diffIds()).containsExactly(Digest.parse(DIFF));
    }

    @Test
    void parse_acceptsAnEmptyConfig_asSkopeoWritesIt() {
        ImageConfig config = parse("""
                {"architecture":"amd64","os":"linux","config":{},"rootfs":{"type":"layers","diff_ids":["%s"]}}
                """.formatted(DIFF));

        assertThat(config.env()).isEmpty();
        assertThat(config.cmd()).isNull();
        assertThat(config.entrypoint()).isNull();
        assertThat(config.workingDir()).isNull();
        assertThat(config.user()).isNull();
        assertThat(config.healthcheck()).isNull();
        assertThat(config.labels()).isEmpty();
    }

    @Test
    void parse_treatsNullListsAsUnset() {
        ImageConfig config = parse("""
                {"config":{"Env":null,"Cmd":null,"Entrypoint":null,"WorkingDir":""},
                 "rootfs":{"type":"layers","diff_ids":[]}}
                """);

        assertThat(config.env()).isEmpty();
        assertThat(config.cmd()).isNull();
        assertThat(config.workingDir()).isNull();
    }

    @Test
    void parse_refusesAConfigWithoutLayerRootfs() {
        assertThatThrownBy(() -> parse("{\"config\":{}}"))
                .hasMessage("image config test: rootfs.type must be \"layers\"");
    }

    @Test
    void parse_refusesABadDiffId() {
        assertThatThrownBy(() -> parse("{\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"md5:00\"]}}"))
                .hasMessage("image config test: rootfs.diff_ids has an invalid digest \"md5:00\"");
    }

    @Test
    void parse_refusesInvalidJson() {
        assertThatThrownBy(() -> parse("{"))
                .hasMessageStartingWith("image config test is not valid JSON: ");
    }
}
