package dev.berth.engine.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigChangesTest {

    @Test
    void cmdAndEntrypoint_takeTheJsonForm_orWrapTheShellForm() {
        assertThat(ConfigChanges.apply(List.of("CMD [\"sh\", \"-c\", \"x\"]", "entrypoint /bin/run --fast")))
                .containsEntry("Cmd", List.of("sh", "-c", "x"))
                .containsEntry("Entrypoint", List.of("/bin/sh", "-c", "/bin/run --fast"));
    }

    @Test
    void envAndLabel_readPairsWithQuotes_andLegacyEnv() {
        Map<String, Object> config = ConfigChanges.apply(List.of("ENV A=1 B=\"two words\"", "ENV C three words",
                "ENV A=again", "LABEL org.x=\"y z\" k=v"));

        assertThat(config).containsEntry("Env", List.of("A=again", "B=two words", "C=three words"))
                .containsEntry("Labels", Map.of("org.x", "y z", "k", "v"));
    }

    @Test
    void exposeVolumeUserWorkdirStopsignal() {
        Map<String, Object> config = ConfigChanges.apply(List.of("EXPOSE 80 53/udp 9000-9001", "VOLUME [\"/data\"]",
                "VOLUME /a /b", "USER 1000:50", "WORKDIR app", "STOPSIGNAL SIGINT"));

        assertThat(config).containsEntry("ExposedPorts", Map.of("80/tcp", Map.of(), "53/udp", Map.of(),
                        "9000/tcp", Map.of(), "9001/tcp", Map.of()))
                .containsEntry("Volumes", Map.of("/data", Map.of(), "/a", Map.of(), "/b", Map.of()))
                .containsEntry("User", "1000:50").containsEntry("WorkingDir", "/app")
                .containsEntry("StopSignal", "SIGINT");
    }

    @Test
    void otherInstructionsAndMalformedOnes_areRefusedNamingTheChange() {
        assertThatThrownBy(() -> ConfigChanges.apply(List.of("ONBUILD RUN x"))).hasMessage("invalid change \"ONBUILD"
                + " RUN x\": \"ONBUILD\" cannot be applied to an imported image (CMD, ENTRYPOINT, ENV, EXPOSE, LABEL,"
                + " STOPSIGNAL, USER, VOLUME and WORKDIR can)");
        assertThatThrownBy(() -> ConfigChanges.apply(List.of("EXPOSE http")))
                .hasMessage("invalid change \"EXPOSE http\": \"http\" is not a port (PORT[/PROTOCOL] or"
                        + " START-END[/PROTOCOL])");
        assertThatThrownBy(() -> ConfigChanges.apply(List.of("LABEL novalue")))
                .hasMessage("invalid change \"LABEL novalue\": expected key=value");
        assertThatThrownBy(() -> ConfigChanges.apply(List.of("CMD"))).hasMessage("invalid change \"CMD\": CMD needs"
                + " an argument");
        assertThatThrownBy(() -> ConfigChanges.apply(List.of("ENV A=\"open"))).hasMessage("invalid change"
                + " \"ENV A=\"open\": a quote is not closed");
    }
}
