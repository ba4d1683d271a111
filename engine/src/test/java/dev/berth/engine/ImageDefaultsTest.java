package dev.berth.engine;

import dev.berth.engine.core.EngineException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.engine.image.ImageConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImageDefaultsTest {

    private static ImageConfig image(List<String> env, List<String> entrypoint, List<String> cmd, String workdir,
                                     String user, String stopSignal) {
        return new ImageConfig("amd64", "linux", null, env, entrypoint, cmd, workdir, user, List.of(), List.of(),
                Map.of(), stopSignal, null, List.of());
    }

    @Test
    void imageConfig_appliesWhenTheRequestSaysNothing() {
        ImageDefaults d = ImageDefaults.apply(
                image(List.of("PATH=/app/bin", "MODE=prod"), List.of("/entry"), List.of("serve"), "/app", "app",
                        "SIGQUIT"),
                RunRequest.builder("img").build());
        assertThat(d).isEqualTo(new ImageDefaults(List.of("PATH=/app/bin", "MODE=prod"), List.of("/entry"),
                List.of("serve"), "/app", "app", 3));
    }

    @Test
    void givenCommand_replacesCmd_keepsEntrypoint() {
        ImageDefaults d = ImageDefaults.apply(image(List.of(), List.of("/entry"), List.of("serve"), null, null, null),
                RunRequest.builder("img").command("migrate", "--all").build());
        assertThat(d.entrypoint()).containsExactly("/entry");
        assertThat(d.command()).containsExactly("migrate", "--all");
        assertThat(d.stopSignal()).isEqualTo(15);
    }

    @Test
    void givenEntrypoint_dropsTheImagesCmd() {
        ImageDefaults d = ImageDefaults.apply(image(List.of(), List.of("/entry"), List.of("serve"), null, null, null),
                RunRequest.builder("img").entrypoint(List.of("sh")).build());
        assertThat(d.entrypoint()).containsExactly("sh");
        assertThat(d.command()).isEmpty();
    }

    @Test
    void env_overridesByName_inPlace_andBareNameIsEmpty() {
        ImageDefaults d = ImageDefaults.apply(image(List.of("A=1", "B=2"), null, List.of("x"), null, null, null),
                RunRequest.builder("img").env("B=3").env("C").env("A=0").build());
        assertThat(d.env()).containsExactly("A=0", "B=3", "C=");
    }

    @Test
    void requestOverridesWorkdirUserAndStopSignal() {
        ImageDefaults d = ImageDefaults.apply(image(List.of(), null, List.of("x"), "/app", "app", "SIGQUIT"),
                RunRequest.builder("img").workingDir("/tmp").user("0:0").stopSignal("9").build());
        assertThat(d.workingDir()).isEqualTo("/tmp");
        assertThat(d.user()).isEqualTo("0:0");
        assertThat(d.stopSignal()).isEqualTo(9);
    }

    @Test
    void importedImage_withoutCmd_isNoCommandSpecified() {
        assertThatThrownBy(() -> ImageDefaults.apply(image(List.of(), null, null, null, null, null),
                RunRequest.builder("img").build()))
                .isInstanceOf(EngineException.class).hasMessage("No command specified");
    }
}
