package dev.berth.engine.volume;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import dev.berth.engine.runtime.etc.LayeredRootfs;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Filling a new volume from image content; the test runs as root, so owners can be set. */
@Timeout(60)
class VolumeCopyUpTest {

    private static final FileTime OLD = FileTime.from(Instant.parse("2020-01-02T03:04:05Z"));

    @TempDir
    Path temp;
    private VolumeStore store;
    private Path image;

    @BeforeEach
    void setUp() throws Exception {
        store = new VolumeStore(temp.resolve("root"));
        image = Files.createDirectories(temp.resolve("rootfs/var/lib/app"));
    }

    @Test
    void copyUp_preservesModesOwnersLinksAndTimes() throws Exception {
        Path conf = Files.createDirectory(image.resolve("conf"));
        Path tool = Files.writeString(image.resolve("tool"), "#!/bin/sh\n");
        Files.setAttribute(tool, "unix:uid", 1000);
        Files.setAttribute(tool, "unix:gid", 2000);
        Files.setAttribute(tool, "unix:mode", 04755);
        Files.setLastModifiedTime(tool, OLD);
        Files.createLink(image.resolve("tool-again"), tool);
        Files.createSymbolicLink(image.resolve("current"), Path.of("conf/missing"));
        Files.setAttribute(image.resolve("current"), "unix:uid", 1000, LinkOption.NOFOLLOW_LINKS);
        Files.setAttribute(conf, "unix:mode", 0700);
        Files.setAttribute(conf, "unix:uid", 1000);
        Files.setLastModifiedTime(conf, OLD);
        Files.setAttribute(image, "unix:uid", 999);
        Files.setAttribute(image, "unix:mode", 0750);
        VolumeRecord volume = store.create("app_data", Map.of(), Map.of());

        assertThat(store.copyUpIfEmpty(volume, image)).isTrue();

        Path data = volume.mountpoint();
        assertThat(attr(data.resolve("tool"), "mode") & 07777).isEqualTo(04755);
        assertThat(attr(data.resolve("tool"), "uid")).isEqualTo(1000);
        assertThat(attr(data.resolve("tool"), "gid")).isEqualTo(2000);
        assertThat(Files.getLastModifiedTime(data.resolve("tool"))).isEqualTo(OLD);
        assertThat(attr(data.resolve("tool-again"), "ino")).isEqualTo(attr(data.resolve("tool"), "ino"));
        assertThat(Files.readSymbolicLink(data.resolve("current"))).isEqualTo(Path.of("conf/missing"));
        assertThat(attr(data.resolve("current"), "uid")).isEqualTo(1000);
        assertThat(attr(data.resolve("conf"), "mode") & 07777).isEqualTo(0700);
        assertThat(attr(data.resolve("conf"), "uid")).isEqualTo(1000);
        assertThat(Files.getLastModifiedTime(data.resolve("conf"))).isEqualTo(OLD);
        assertThat(attr(data, "uid")).isEqualTo(999);
        assertThat(attr(data, "mode") & 07777).isEqualTo(0750);
    }

    @Test
    void copyUp_doesNothing_whenTheVolumeHasContent() throws Exception {
        Files.writeString(image.resolve("from-image"), "image");
        VolumeRecord volume = store.create("app_data", Map.of(), Map.of());
        Files.writeString(volume.mountpoint().resolve("mine"), "kept");

        assertThat(store.copyUpIfEmpty(volume, image)).isFalse();

        assertThat(volume.mountpoint().resolve("from-image")).doesNotExist();
    }

    @Test
    void copyUp_doesNothing_whenTheImageHasNoDirectoryThere() {
        VolumeRecord volume = store.create("app_data", Map.of(), Map.of());

        assertThat(store.copyUpIfEmpty(volume, temp.resolve("rootfs/absent"))).isFalse();
    }

    @Test
    void copyUp_recreatesFifosAndDeviceNodes() throws Exception {
        run("mkfifo", "-m", "0620", image.resolve("pipe").toString());
        run("mknod", "-m", "0666", image.resolve("null").toString(), "c", "1", "3");
        run("touch", "-h", "-d", "2020-01-02T03:04:05Z", image.resolve("pipe").toString());
        VolumeRecord volume = store.create("app_data", Map.of(), Map.of());

        assertThat(store.copyUpIfEmpty(volume, image)).isTrue();

        Path data = volume.mountpoint();
        assertThat(attr(data.resolve("pipe"), "mode")).isEqualTo(0010620);
        assertThat(Files.getLastModifiedTime(data.resolve("pipe"), LinkOption.NOFOLLOW_LINKS)).isEqualTo(OLD);
        assertThat(attr(data.resolve("null"), "mode")).isEqualTo(0020666);
        assertThat(Files.getAttribute(data.resolve("null"), "unix:rdev"))
                .isEqualTo(Files.getAttribute(image.resolve("null"), "unix:rdev"));
    }

    @Test
    void copyUp_keepsFileCapabilities() throws Exception {
        Path ping = Files.writeString(image.resolve("ping"), "binary");
        run("setcap", "cap_net_raw+ep", ping.toString());
        VolumeRecord volume = store.create("app_data", Map.of(), Map.of());

        store.copyUpIfEmpty(volume, image);

        Process getcap = new ProcessBuilder("getcap", volume.mountpoint().resolve("ping").toString())
                .redirectErrorStream(true).start();
        assertThat(new String(getcap.getInputStream().readAllBytes()).strip())
                .isEqualTo(volume.mountpoint().resolve("ping") + " cap_net_raw=ep");
    }

    @Test
    void copyUp_fromImageLayers_copiesTheMergedView() throws Exception {
        Path lower = Files.createDirectories(temp.resolve("layers/lower/var/lib/db"));
        Path upper = Files.createDirectories(temp.resolve("layers/upper/var/lib/db"));
        Files.writeString(lower.resolve("base.conf"), "lower");
        Files.writeString(lower.resolve("stale"), "deleted above");
        Files.writeString(upper.resolve("base.conf"), "upper");
        Files.writeString(upper.resolve(".wh.stale"), "");
        Files.createDirectories(upper.resolve("sub"));
        Files.writeString(upper.resolve("sub/x"), "x");
        Files.setAttribute(upper, "unix:mode", 0700);
        Files.setAttribute(upper, "unix:uid", 999);
        LayeredRootfs image = new LayeredRootfs(List.of(temp.resolve("layers/upper"), temp.resolve("layers/lower")));
        VolumeRecord volume = store.create("db_data", Map.of(), Map.of());

        assertThat(store.copyUpIfEmpty(volume, image, "/var/lib/db")).isTrue();

        Path data = volume.mountpoint();
        try (var entries = Files.list(data)) {
            assertThat(entries.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("base.conf", "sub");
        }
        assertThat(data.resolve("base.conf")).hasContent("upper");
        assertThat(data.resolve("sub/x")).hasContent("x");
        assertThat(attr(data, "mode") & 07777).isEqualTo(0700);
        assertThat(attr(data, "uid")).isEqualTo(999);
        assertThat(store.copyUpIfEmpty(store.create("other", Map.of(), Map.of()), image, "/var/lib/none")).isFalse();
    }

    @Test
    void copyUp_leavesNothingBesideTheVolume() throws Exception {
        Files.writeString(image.resolve("from-image"), "image");
        VolumeRecord volume = store.create("app_data", Map.of(), Map.of());

        store.copyUpIfEmpty(volume, image);

        assertThat(names(volume.mountpoint().getParent())).containsExactly("_data", "volume.json");
    }

    @Test
    void sweep_dropsACopyUpKilledBeforeItWasComplete_soTheNextCopyUpFillsTheVolume() throws Exception {
        Files.writeString(image.resolve("from-image"), "image");
        VolumeRecord volume = store.create("app_data", Map.of(), Map.of());
        Path dir = volume.mountpoint().getParent();
        Files.writeString(Files.createDirectory(dir.resolve(".copying")).resolve("half"), "half");

        store.sweep();

        assertThat(names(dir)).containsExactly("_data", "volume.json");
        assertThat(store.copyUpIfEmpty(volume, image)).isTrue();
        assertThat(names(volume.mountpoint())).containsExactly("from-image");
    }

    @Test
    void sweep_finishesACopyUpKilledWhileMovingItIn() throws Exception {
        VolumeRecord volume = store.create("app_data", Map.of(), Map.of());
        Path dir = volume.mountpoint().getParent();
        Path copied = Files.createDirectory(dir.resolve(".copied"));
        Files.writeString(copied.resolve("second"), "2");
        Files.writeString(volume.mountpoint().resolve("first"), "1");
        Files.setAttribute(copied, "unix:mode", 0750);
        Files.setAttribute(copied, "unix:uid", 999);

        store.sweep();

        assertThat(names(dir)).containsExactly("_data", "volume.json");
        assertThat(names(volume.mountpoint())).containsExactly("first", "second");
        assertThat(attr(volume.mountpoint(), "mode") & 07777).isEqualTo(0750);
        assertThat(attr(volume.mountpoint(), "uid")).isEqualTo(999);
    }

    @Test
    void sweep_removesAVolumeFolderWhoseCreationNeverFinished_andWhatARemovalLeft() throws Exception {
        Path volumes = temp.resolve("root/volumes");
        Files.createDirectories(volumes.resolve("half/_data"));
        Files.createDirectories(volumes.resolve(".removing-gone-1234/_data"));
        store.create("kept", Map.of(), Map.of());

        store.sweep();

        assertThat(names(volumes)).containsExactly(".lock", "kept");
        assertThat(store.find("half")).isEmpty();
        assertThat(store.create("half", Map.of(), Map.of()).mountpoint()).isDirectory();
    }

    private static List<String> names(Path dir) throws Exception {
        try (var entries = Files.list(dir)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static void run(String... command) throws Exception {
        assertThat(new ProcessBuilder(command).inheritIO().start().waitFor()).as(String.join(" ", command)).isZero();
    }

    private static int attr(Path path, String name) throws Exception {
        Object value = Files.getAttribute(path, "unix:" + name, LinkOption.NOFOLLOW_LINKS);
        return value instanceof Long l ? l.intValue() : (Integer) value;
    }
}
