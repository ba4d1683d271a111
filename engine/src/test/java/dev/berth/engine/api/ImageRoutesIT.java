package dev.berth.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.engine.RunRequest;
import dev.berth.engine.testing.BusyboxRootfs;
import dev.berth.engine.testing.ImageArchives;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The image routes driven by the docker CLI: load, import, pull's refusal, filtered lists, prune, history. */
class ImageRoutesIT {

    @RegisterExtension
    final EngineApiFixture fx = new EngineApiFixture();

    private Path archive(String name, byte[] bytes) throws Exception {
        Path file = fx.base.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    private Path busyboxSave(String repoTag, String configFields) throws Exception {
        byte[] layer = BusyboxRootfs.tar();
        return archive(repoTag.replace(':', '_').replace('/', '_') + ".tar", ImageArchives.dockerSaveLegacy(repoTag,
                ImageArchives.config(configFields, List.of(layer)), List.of(layer)));
    }

    @Test
    void dockerLoad_loadsASaveArchive_andTheImageRuns() throws Exception {
        Path tar = busyboxSave("busybox:latest", "\"Cmd\":[\"sh\"]");

        assertThat(fx.docker("load", "-i", tar.toString())).isEqualTo("Loaded image: busybox:latest\n");

        assertThat(fx.docker("images", "--format", "{{.Repository}}:{{.Tag}}")).isEqualTo("busybox:latest\n");
        String id = fx.engine.create(RunRequest.builder("busybox").command("echo", "hi").build());
        assertThat(fx.engine.inspect(id).status()).isEqualTo("created");
    }

    @Test
    void dockerLoad_fromStdin_ofAnArchiveThatIsNoTar_failsWithTheMessage() throws Exception {
        Path junk = archive("junk.tar", "this is not an image archive, not even a tar file at all".repeat(20).getBytes());

        EngineApiFixture.Result result = fx.dockerResult(junk, "load");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output())
                .isEqualTo("the image archive sent to load: cannot read it as a tar archive: Corrupted TAR archive\n");
        assertThat(fx.docker("images", "-q")).isEmpty();
    }

    @Test
    void dockerImport_makesAOneLayerImage_withItsNameAndMessage() throws Exception {
        Path rootfs = archive("rootfs.tar", BusyboxRootfs.tar());

        String id = fx.docker("import", "--message", "made by the test", rootfs.toString(), "tools/bb:1").trim();

        assertThat(id).matches("sha256:[0-9a-f]{64}");
        assertThat(fx.docker("images", "--no-trunc", "--format", "{{.ID}} {{.Repository}}:{{.Tag}}"))
                .isEqualTo(id + " tools/bb:1\n");
        assertThat(fx.docker("history", "--format", "{{.ID}}|{{.Comment}}", "tools/bb:1"))
                .isEqualTo(id.substring(7, 19) + "|made by the test\n");
    }

    @Test
    void dockerImport_fromStdin_withoutAName_makesADanglingImage() throws Exception {
        Path rootfs = archive("rootfs.tar", BusyboxRootfs.tar());

        String id = fx.dockerResult(rootfs, "import", "-").output().trim();

        assertThat(fx.docker("images", "--no-trunc", "--filter", "dangling=true", "--format", "{{.ID}} {{.Tag}}"))
                .isEqualTo(id + " <none>\n");
        assertThat(fx.docker("history", "--format", "{{.Comment}}", id)).isEqualTo("Imported from -\n");
    }

    @Test
    void dockerImport_withChanges_setsTheConfig_andTheImageRunsItsCmd() throws Exception {
        Path rootfs = archive("rootfs.tar", BusyboxRootfs.tar());

        fx.docker("import", "--change", "CMD [\"sh\", \"-c\", \"echo $GREETING\"]", "--change", "ENV GREETING=hello",
                "--change", "EXPOSE 8080", "--change", "WORKDIR /tmp", "--change", "LABEL tier=base", rootfs.toString(),
                "changed:1");

        assertThat(fx.docker("image", "inspect", "--format",
                "{{json .Config.Cmd}} {{json .Config.Env}} {{json .Config.ExposedPorts}} {{.Config.WorkingDir}}"
                        + " {{json .Config.Labels}}", "changed:1"))
                .isEqualTo("[\"sh\",\"-c\",\"echo $GREETING\"] [\"GREETING=hello\"] {\"8080/tcp\":{}} /tmp"
                        + " {\"tier\":\"base\"}\n");
        String id = fx.engine.create(RunRequest.builder("changed:1").build());
        fx.engine.start(id);
        assertThat(fx.engine.waitFor(id)).isZero();
    }

    @Test
    void dockerImport_withAChangeDockerCannotApply_isRefusedBeforeAnythingIsStored() throws Exception {
        Path rootfs = archive("rootfs.tar", BusyboxRootfs.tar());

        EngineApiFixture.Result result = fx.dockerResult(null, "import", "--change", "RUN rm -rf /", rootfs.toString(),
                "bb");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("invalid change \"RUN rm -rf /\": \"RUN\" cannot be applied to an"
                + " imported image");
        assertThat(fx.docker("images", "-q")).isEmpty();
    }

    @Test
    void dockerPull_failsAtOnce_namingWhatToDoInstead() throws Exception {
        EngineApiFixture.Result result = fx.dockerResult(null, "pull", "busybox:1.36");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("Error response from daemon: cannot pull docker.io/library/busybox:1.36:"
                + " pulling images from registries is not implemented in berth yet")
                .contains("docker load -i FILE");
    }

    @Test
    void dockerImages_filters_byReferenceLabelDanglingBeforeAndSince() throws Exception {
        fx.docker("load", "-i", busyboxSave("busybox:latest", "\"Labels\":{\"tier\":\"base\"}").toString());
        Path rootfs = archive("rootfs.tar", BusyboxRootfs.tar());
        fx.docker("import", rootfs.toString(), "app/web:2");
        String dangling = fx.dockerResult(rootfs, "import", "-").output().trim();

        assertThat(lines(fx.docker("images", "--filter", "reference=busy*", "--format", "{{.Repository}}:{{.Tag}}")))
                .containsExactly("busybox:latest");
        assertThat(lines(fx.docker("images", "--filter", "reference=app/*:2", "--format", "{{.Repository}}")))
                .containsExactly("app/web");
        assertThat(lines(fx.docker("images", "--filter", "label=tier=base", "--format", "{{.Repository}}")))
                .containsExactly("busybox");
        assertThat(lines(fx.docker("images", "--filter", "dangling=false", "--format", "{{.Repository}}")))
                .containsExactlyInAnyOrder("busybox", "app/web");
        assertThat(lines(fx.docker("images", "--no-trunc", "-q", "--filter", "dangling=true")))
                .containsExactly(dangling);
        assertThat(lines(fx.docker("images", "--filter", "since=busybox", "--filter", "dangling=false",
                "--format", "{{.Repository}}"))).containsExactly("app/web");
        assertThat(lines(fx.docker("images", "--filter", "before=app/web:2", "--format", "{{.Repository}}")))
                .containsExactly("busybox");
        EngineApiFixture.Result unknown = fx.dockerResult(null, "images", "--filter", "color=red");
        assertThat(unknown.exitCode()).isNotZero();
        assertThat(unknown.output()).contains("invalid filter 'color'");
    }

    @Test
    void dockerImagePrune_removesDanglingImages_andWithAllEveryUnusedOne() throws Exception {
        fx.docker("load", "-i", busyboxSave("busybox:latest", "\"Cmd\":[\"sh\"]").toString());
        Path rootfs = archive("rootfs.tar", BusyboxRootfs.tar());
        fx.docker("import", rootfs.toString(), "spare:1");
        String dangling = fx.dockerResult(rootfs, "import", "--message", "other", "-").output().trim();
        fx.engine.create(RunRequest.builder("busybox").command("true").build());

        assertThat(fx.docker("image", "prune", "-f")).contains("deleted: " + dangling)
                .containsPattern("Total reclaimed space: [1-9]");
        assertThat(lines(fx.docker("images", "--format", "{{.Repository}}"))).containsExactlyInAnyOrder("busybox", "spare");

        assertThat(fx.docker("image", "prune", "-a", "-f")).contains("untagged: spare:1");
        assertThat(lines(fx.docker("images", "--format", "{{.Repository}}"))).containsExactly("busybox");
    }

    @Test
    void dockerImagePrune_withALabelFilter_removesOnlyTheImagesCarryingIt() throws Exception {
        fx.docker("load", "-i", busyboxSave("keep:1", "\"Labels\":{\"stage\":\"prod\"}").toString());
        fx.docker("load", "-i", busyboxSave("drop:1", "\"Labels\":{\"stage\":\"test\"}").toString());

        assertThat(fx.docker("image", "prune", "-a", "-f", "--filter", "label=stage=test")).contains("untagged: drop:1");

        assertThat(lines(fx.docker("images", "--format", "{{.Repository}}"))).containsExactly("keep");
    }

    @Test
    void dockerHistory_showsTheConfigsSteps_newestFirst() throws Exception {
        byte[] layer = BusyboxRootfs.tar();
        byte[] config = ImageArchives.config("\"Cmd\":[\"sh\"]", List.of(layer));
        String withHistory = new String(config).replace("\"rootfs\"", "\"history\":[{\"created\":\"2024-05-06T07:08:09Z\","
                + "\"created_by\":\"ADD rootfs /\"},{\"created\":\"2024-05-06T07:08:10Z\",\"created_by\":\"CMD [\\\"sh\\\"]\","
                + "\"empty_layer\":true}],\"rootfs\"");
        fx.docker("load", "-i", archive("h.tar", ImageArchives.dockerSaveLegacy("hist:1", withHistory.getBytes(),
                List.of(layer))).toString());

        List<String> steps = lines(fx.docker("history", "--no-trunc", "--format", "{{.ID}}|{{.CreatedBy}}|{{.Size}}",
                "hist:1"));

        assertThat(steps).hasSize(2);
        assertThat(steps.get(0)).matches("sha256:[0-9a-f]{64}\\|CMD \\[\"sh\"\\]\\|0B");
        assertThat(steps.get(1)).startsWith("<missing>|ADD rootfs /|").doesNotEndWith("|0B");
    }

    private static List<String> lines(String output) {
        return output.lines().toList();
    }
}
