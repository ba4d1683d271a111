package dev.berth.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.engine.core.Healthcheck;
import dev.berth.engine.core.RestartPolicy;
import dev.berth.engine.testing.ImageArchives;
import java.io.ByteArrayInputStream;
import java.time.Duration;
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
                + "\"User\":\"user\",\"Volumes\":{\"/data\":{}},\"Labels\":{\"tier\":\"image\",\"from\":\"image\"},"
                + "\"ExposedPorts\":{\"80/tcp\":{}},\"Healthcheck\":{\"Test\":[\"CMD\",\"true\"],\"Interval\":2000000000,"
                + "\"Retries\":4}", List.of(layer));
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
    void labelsPortsAndHealthcheck_mergeOverTheImages_andSurviveARead() {
        String id = fx.engine.create(RunRequest.builder("configured:1").label("tier", "web").exposedPort("8080")
                .healthcheck(new Healthcheck(List.of(), null, Duration.ofSeconds(1), null, null, 0))
                .restartPolicy(RestartPolicy.parse("on-failure:3")).tty(true).openStdin(true).stdinOnce(true)
                .domainname("example.org").mount(dev.berth.engine.volume.MountFlags.parseTmpfs("/data")).build());
        ContainerView view = fx.engine.inspect(id);
        assertThat(view.image()).isEqualTo("configured:1");
        assertThat(view.labels()).containsExactlyInAnyOrderEntriesOf(java.util.Map.of("tier", "web", "from", "image"));
        assertThat(view.exposedPorts()).containsExactly("80/tcp", "8080/tcp");
        assertThat(view.healthcheck()).isEqualTo(new Healthcheck(List.of("CMD", "true"), Duration.ofSeconds(2),
                Duration.ofSeconds(1), Duration.ZERO, Duration.ZERO, 4));
        assertThat(view.restartPolicy()).isEqualTo(new RestartPolicy("on-failure", 3));
        assertThat(List.of(view.tty(), view.openStdin(), view.stdinOnce())).containsOnly(true);
        assertThat(view.domainname()).isEqualTo("example.org");
        assertThat(view.created()).isNotBlank();
        fx.engine.remove(id, false, true);
    }

    @Test
    void healthcheckNone_turnsTheImagesOff() {
        String id = fx.engine.create(RunRequest.builder("configured:1")
                .healthcheck(new Healthcheck(List.of("NONE"), null, null, null, null, 0))
                .mount(dev.berth.engine.volume.MountFlags.parseTmpfs("/data")).build());
        assertThat(fx.engine.inspect(id).healthcheck()).isNull();
        fx.engine.remove(id, false, true);
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
