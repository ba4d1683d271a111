package dev.berth.engine;

import dev.berth.engine.core.EngineException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.berth.engine.image.ImageReference;
import dev.berth.engine.image.ImageStore;
import dev.berth.engine.image.ImageUsage;
import dev.berth.engine.runtime.ContainerRuntime;
import dev.berth.engine.testing.RecordingFileOps;
import dev.berth.engine.testing.TarWriter;
import dev.berth.engine.volume.MountSpec;
import dev.berth.engine.volume.VolumeFilter;
import dev.berth.engine.volume.VolumeStore;

/**
 * What {@code create} refuses before it makes anything, as Docker refuses it: names, working
 * directory, environment, and mounts over {@code /proc} (also through a symlink of the image).
 * Nothing is started, so no privileges are needed.
 */
class ContainerCreatorTest {

    @TempDir
    Path dataRoot;

    VolumeStore volumes;
    ContainerRuntime runtime;
    ContainerCreator creator;

    @BeforeEach
    void setUp() throws IOException {
        ImageStore images = new ImageStore(dataRoot, new RecordingFileOps(), ImageUsage.NONE, w -> { });
        byte[] rootfs = new TarWriter().dir("proc/", 0555).dir("etc/", 0755).file("etc/passwd", "root:x:0:0::/root:/bin/sh\n")
                .symlink("myproc", "/proc").dir("data/", 0755).toBytes();
        images.importRootfs(new ByteArrayInputStream(rootfs), "rootfs.tar", ImageReference.parse("img"));
        volumes = new VolumeStore(dataRoot);
        runtime = new ContainerRuntime(dataRoot);
        creator = new ContainerCreator(images, volumes, runtime, false);
    }

    private static RunRequest.Builder request() {
        return RunRequest.builder("img").command("true");
    }

    private void assertRefusedLeavingNothing(RunRequest request, String message) {
        assertThatThrownBy(() -> creator.create(request))
                .isInstanceOf(EngineException.class)
                .hasMessage(message);
        assertThat(runtime.list()).isEmpty();
        assertThat(volumes.list(VolumeFilter.ALL)).isEmpty();
    }

    @Test
    void create_refusesANameDockerRefuses() {
        assertRefusedLeavingNothing(request().name("../../etc").build(),
                "Invalid container name (../../etc), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed");
    }

    @Test
    void create_recordsANameGivenWithTheLeadingSlash_withoutIt() {
        String id = creator.create(request().name("/web").build());

        assertThat(runtime.inspect(id).name()).isEqualTo("web");
    }

    @Test
    void create_refusesARelativeWorkingDir() {
        assertRefusedLeavingNothing(request().workingDir("relative").build(),
                "the working directory 'relative' is invalid, it needs to be an absolute path");
    }

    @Test
    void create_refusesAnEnvEntryWithoutAName() {
        assertRefusedLeavingNothing(request().env("=x").build(), "invalid environment variable: =x");
    }

    @Test
    void create_refusesABindOverProc_beforeMakingAnyVolume() {
        assertRefusedLeavingNothing(request()
                        .mount(new MountSpec.Volume("data", "/data", false, false))
                        .mount(new MountSpec.Bind(Path.of("/tmp"), "/proc", false, true)).build(),
                "error mounting \"/tmp\" to rootfs at \"/proc\": \"/proc\" cannot be mounted because it is not of type"
                        + " proc");
    }

    @Test
    void create_refusesATmpfsInsideProc() {
        assertRefusedLeavingNothing(request().mount(new MountSpec.Tmpfs("/proc/sys", 0, 01777, false)).build(),
                "error mounting \"tmpfs\" to rootfs at \"/proc/sys\": \"/proc/sys\" cannot be mounted because it is"
                        + " inside /proc");
    }

    @Test
    void create_refusesAVolumeInsideProc_reachedThroughASymlinkOfTheImage() {
        assertRefusedLeavingNothing(request().mount(new MountSpec.Volume("data", "/myproc/../myproc//x", false, false))
                        .build(),
                "error mounting \"data\" to rootfs at \"/myproc/../myproc//x\": \"/proc/x\" cannot be mounted because it"
                        + " is inside /proc");
    }

    @Test
    void create_allowsWhatRuncAllows_aProcfsOnProc_andAnLxcfsFile() throws IOException {
        Path meminfo = Files.writeString(dataRoot.resolve("meminfo"), "MemTotal: 1 kB\n");

        String id = creator.create(request().mount(new MountSpec.Bind(Path.of("/proc"), "/proc", true, false))
                .mount(new MountSpec.Bind(meminfo, "/proc/meminfo", true, false)).build());

        assertThat(runtime.config(id).mounts()).hasSize(2);
    }
}
