package dev.berth.engine.layer;

import static dev.berth.engine.testing.HostCommand.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.berth.engine.testing.TarWriter;

/**
 * Layer application against the real kernel, as root: device nodes, ownership, file capabilities,
 * and an overlay mount of unpacked layers showing that whiteouts and opaque folders take effect.
 */
class LayerUnpackIT {

    @TempDir
    Path dir;

    LayerApplier applier = new LayerApplier(new NativeFileOps());
    Path merged;
    boolean mounted;

    @BeforeEach
    void requireRoot() throws IOException {
        assertThat(Files.getAttribute(Path.of("/proc/self"), "unix:uid")).as("these tests need root").isEqualTo(0);
        merged = Files.createDirectory(dir.resolve("merged"));
    }

    @AfterEach
    void unmount() throws Exception {
        if (mounted) {
            run("umount", merged.toString());
        }
    }

    private Path layer(String name, TarWriter tar, Path... lowers) throws IOException {
        Path target = Files.createDirectory(dir.resolve(name));
        applier.apply(new ByteArrayInputStream(tar.toBytes()), target, List.of(lowers));
        return target;
    }

    @Test
    void apply_createsDevicesFifosOwnersAndSetuidModes() throws Exception {
        Path root = layer("l", new TarWriter().mtime(1_234_567)
                .charDevice("dev/null", 0666, 1, 3)
                .fifo("run/pipe", 0620)
                .owned("home/app/run", 04755, 1000, 2000, "#!/bin/sh\n")
                .symlink("link", "home/app/run"));

        Map<String, Object> dev = Files.readAttributes(root.resolve("dev/null"), "unix:mode,rdev", LinkOption.NOFOLLOW_LINKS);
        assertThat((Integer) dev.get("mode")).isEqualTo(0020666);
        assertThat((Long) dev.get("rdev")).isEqualTo(NativeFileOps.makedev(1, 3));
        assertThat((Integer) Files.getAttribute(root.resolve("run/pipe"), "unix:mode", LinkOption.NOFOLLOW_LINKS))
                .isEqualTo(0010620);
        Path run = root.resolve("home/app/run");
        assertThat(Files.getAttribute(run, "unix:uid")).isEqualTo(1000);
        assertThat(Files.getAttribute(run, "unix:gid")).isEqualTo(2000);
        assertThat((Integer) Files.getAttribute(run, "unix:mode") & 07777).as("setuid survives chown").isEqualTo(04755);
        assertThat(Files.getLastModifiedTime(root.resolve("link"), LinkOption.NOFOLLOW_LINKS))
                .isEqualTo(FileTime.fromMillis(1_234_567_000L));
    }

    @Test
    void apply_setsABinaryFileCapability() throws Exception {
        // vfs_cap_data revision 2, effective; permitted = CAP_SETUID (7) | CAP_NET_BIND_SERVICE (10).
        byte[] capability = {0x01, 0x00, 0x00, 0x02, (byte) 0x80, 0x04, 0x00, 0x00, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        Path root = layer("l", new TarWriter().fileWithXattrs("bin/ping", "x", Map.of("security.capability", capability)));

        assertThat(run("getcap", root.resolve("bin/ping").toString()).trim())
                .isEqualTo(root.resolve("bin/ping") + " cap_setuid,cap_net_bind_service=ep");
    }

    @Test
    void apply_skipsAUserXattrTheKernelRefusesOnASymlink_andSetsTheFilesOwn() throws Exception {
        Path target = Files.createDirectory(dir.resolve("l"));
        TarWriter tar = new TarWriter().fileWithXattrs("file", "x", Map.of("user.kept", "1".getBytes(StandardCharsets.UTF_8)))
                .entry("link", '2', 0777, 0, 0, "file", new byte[0],
                        Map.of("SCHILY.xattr.user.note", "n".getBytes(StandardCharsets.UTF_8)), 0, 0);

        LayerApplyReport report = applier.apply(new ByteArrayInputStream(tar.toBytes()), target, List.of());

        assertThat(report.warnings()).containsExactly("layer entry \"link\": extended attribute user.note not set: the"
                + " kernel refuses it for this symlink");
        assertThat(Files.readSymbolicLink(target.resolve("link"))).isEqualTo(Path.of("file"));
        var view = Files.getFileAttributeView(target.resolve("file"), java.nio.file.attribute.UserDefinedFileAttributeView.class);
        java.nio.ByteBuffer value = java.nio.ByteBuffer.allocate(view.size("kept"));
        view.read("kept", value);
        assertThat(new String(value.array(), StandardCharsets.UTF_8)).isEqualTo("1");
    }

    @Test
    void overlayOfUnpackedLayers_honoursWhiteoutsOpaqueFoldersAndLowerHardlinks() throws Exception {
        Path bottom = layer("bottom", new TarWriter()
                .file("keep", "kept")
                .file("gone", "old")
                .dir("data/", 0755).file("data/gone-dir/file", "old")
                .dir("opq/", 0755).file("opq/old1", "1").file("opq/old2", "2")
                .file("bin/busybox", 0755, "bb".getBytes(StandardCharsets.UTF_8)));
        Path top = layer("top", new TarWriter()
                .file(".wh.gone", "")
                .dir("data/", 0755).file("data/.wh.gone-dir", "")
                .dir("opq/", 0755).file("opq/new", "n").file("opq/.wh..wh..opq", "")
                .hardlink("bin/sh", "bin/busybox"), bottom);

        run("mount", "-t", "overlay", "overlay", "-o", "lowerdir=" + top + ":" + bottom, merged.toString());
        mounted = true;

        assertThat(merged.resolve("keep")).hasContent("kept");
        assertThat(merged.resolve("gone")).doesNotExist();
        assertThat(merged.resolve("data/gone-dir")).doesNotExist();
        assertThat(merged.resolve("data")).isDirectory();
        try (var children = Files.list(merged.resolve("opq"))) {
            assertThat(children.map(p -> p.getFileName().toString())).containsExactly("new");
        }
        assertThat(merged.resolve("bin/sh")).hasContent("bb");
        assertThat(merged.resolve("bin/busybox")).hasContent("bb");
    }
}
