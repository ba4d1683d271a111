package dev.berth.engine.image;

import static dev.berth.engine.testing.HostCommand.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.berth.engine.testing.ImageArchives;
import dev.berth.engine.testing.ImageArchives.Compression;
import dev.berth.engine.testing.TarWriter;

/**
 * A busybox image loaded with the real system calls, its unpacked layers mounted with overlayfs
 * the way the runtime will mount them, and a program run from the merged root.
 */
class ImageStoreIT {

    @TempDir
    Path dir;

    final List<Path> mounts = new ArrayList<>();

    @AfterEach
    void unmountAll() throws Exception {
        for (Path m : mounts.reversed()) {
            run("umount", m.toString());
        }
    }

    @Test
    void loadedBusyboxImage_runsFromAnOverlayOfItsLayers() throws Exception {
        byte[] busybox = Files.readAllBytes(Path.of("/bin/busybox"));
        byte[] base = new TarWriter().dir("bin/", 0755).file("bin/busybox", 0755, busybox)
                .symlink("bin/sh", "busybox").dir("etc/", 0755).file("etc/old", "old\n")
                .dir("var/", 0755).file("var/cache", "c\n").toBytes();
        byte[] top = new TarWriter().dir("etc/", 0755).file("etc/.wh.old", "").file("etc/new", "new\n")
                .dir("var/", 0755).file("var/.wh..wh..opq", "").file("var/fresh", "f\n").toBytes();
        byte[] config = ImageArchives.config("\"Cmd\":[\"sh\"]", List.of(base, top));
        ImageStore store = new ImageStore(dir.resolve("data"));
        store.load(new ByteArrayInputStream(ImageArchives.ociLayout("localhost/bb:1", config, List.of(base, top),
                Compression.ZSTD)));

        ResolvedImage image = store.resolve("localhost/bb:1");
        Path upper = Files.createDirectories(dir.resolve("c/upper"));
        Path work = Files.createDirectories(dir.resolve("c/work"));
        Path merged = Files.createDirectories(dir.resolve("c/merged"));
        run("mount", "-t", "overlay", "overlay", "-o", "lowerdir=" + image.overlayLowerDir() + ",upperdir=" + upper
                + ",workdir=" + work, merged.toString());
        mounts.add(merged);

        assertThat(run("chroot", merged.toString(), "/bin/sh", "-c", "ls /etc; ls /var; echo hello > /etc/written"))
                .isEqualTo("new\nfresh\n");
        assertThat(upper.resolve("etc/written")).hasContent("hello");
        assertThat(image.layersBottomFirst().getLast().resolve("etc/written")).as("unpacked layers stay unchanged")
                .doesNotExist();
    }

    @Test
    void removingTheImage_deletesItsUnpackedLayers_includingWhiteoutDevices() throws Exception {
        byte[] base = new TarWriter().file("a", "a").toBytes();
        byte[] top = new TarWriter().file(".wh.a", "").charDevice("dev-null", 0666, 1, 3).toBytes();
        byte[] config = ImageArchives.config("", List.of(base, top));
        ImageStore store = new ImageStore(dir.resolve("data"));
        store.load(new ByteArrayInputStream(ImageArchives.dockerSaveLegacy("gone:1", config, List.of(base, top))));

        store.remove("gone:1", false);

        try (var layers = Files.list(dir.resolve("data/layers"))) {
            assertThat(layers).isEmpty();
        }
        assertThat(store.blobs().list()).isEmpty();
    }

    @Test
    void aWhiteoutOfTheParentFolder_isRefused_andTheDataRootsTmpKeepsItsFiles() throws Exception {
        ImageStore store = new ImageStore(dir.resolve("data"));
        Path canary = Files.writeString(Files.createDirectories(dir.resolve("data/tmp")).resolve("canary"), "kept");
        byte[] layer = new TarWriter().file("a", "a").file(".wh...", "").toBytes();
        byte[] config = ImageArchives.config("", List.of(layer));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.load(new ByteArrayInputStream(
                ImageArchives.dockerSaveLegacy("evil:1", config, List.of(layer))), "image archive evil.tar"))
                .isInstanceOf(dev.berth.engine.core.EngineException.class)
                .hasMessage("refusing layer entry \".wh...\": a whiteout must name a file or folder after \".wh.\", not"
                        + " \"..\"");
        assertThat(canary).hasContent("kept");
        try (var tmp = Files.list(dir.resolve("data/tmp"))) {
            assertThat(tmp).containsExactly(canary);
        }
        assertThat(store.list()).isEmpty();
    }
}
