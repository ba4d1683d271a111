package dev.berth.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.engine.testing.ImageArchives;
import java.io.ByteArrayInputStream;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A loaded image's config (Env, Cmd, WorkingDir, User, Volumes) applied to its containers as Docker applies it. */
class ImageConfigIT {

    @RegisterExtension
    final EngineFixture fx = new EngineFixture();

    @BeforeEach
    void loadConfiguredImage() throws Exception {
        byte[] layer = EngineFixture.busyboxTar();
        byte[] config = ImageArchives.config("\"Env\":[\"PATH=/bin\",\"MODE=image\"],"
                + "\"Cmd\":[\"sh\",\"-c\",\"echo $MODE $PWD $(id -u); ls /data\"],\"WorkingDir\":\"/tmp\","
                + "\"User\":\"user\",\"Volumes\":{\"/data\":{}}", List.of(layer));
        fx.engine.imageStore().load(new ByteArrayInputStream(
                ImageArchives.dockerSaveLegacy("configured:1", config, List.of(layer))));
    }

    @Test
    void imageDefaults_applyWithoutFlags_andVolumeGetsAnAnonymousVolumeFilledFromTheImage() {
        String id = fx.run(RunRequest.builder("configured:1").build());
        assertThat(fx.output(id)).isEqualTo("image /tmp 1000\nseed.txt\n");
        List<String> anonymous = fx.engine.runtime().config(id).anonymousVolumes();
        assertThat(anonymous).hasSize(1);
        assertThat(fx.engine.volumes().inspect(anonymous.getFirst()).anonymous()).isTrue();
        fx.engine.remove(id, false, true);
        assertThat(fx.engine.volumes().find(anonymous.getFirst())).isEmpty();
    }

    @Test
    void flags_overrideTheImage_andAMountOnTheVolumePathReplacesTheAnonymousOne() {
        String id = fx.run(RunRequest.builder("configured:1").env("MODE=flag").user("0").workingDir("/")
                .mount(dev.berth.engine.volume.MountFlags.parseTmpfs("/data"))
                .command("sh", "-c", "echo $MODE $PWD $(id -u); ls -A /data | wc -l").build());
        assertThat(fx.output(id)).isEqualTo("flag / 0\n0\n");
        assertThat(fx.engine.runtime().config(id).anonymousVolumes()).isEmpty();
    }
}
