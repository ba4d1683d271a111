package dev.berth.engine.runtime.etc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayeredRootfsTest {

    @TempDir
    Path temp;
    private Path top;
    private Path middle;
    private Path bottom;
    private LayeredRootfs rootfs;

    @BeforeEach
    void setUp() throws Exception {
        top = Files.createDirectories(temp.resolve("top"));
        middle = Files.createDirectories(temp.resolve("middle"));
        bottom = Files.createDirectories(temp.resolve("bottom"));
        rootfs = new LayeredRootfs(List.of(top, middle, bottom));
    }

    @Test
    void read_takesTheTopmostVersion_andFallsThroughToLowerLayers() throws Exception {
        write(bottom, "etc/passwd", "bottom");
        write(middle, "etc/passwd", "middle");
        write(bottom, "etc/group", "groups");

        assertThat(rootfs.readString("/etc/passwd")).contains("middle");
        assertThat(rootfs.readString("/etc/group")).contains("groups");
        assertThat(rootfs.readString("/etc/shadow")).isEmpty();
    }

    @Test
    void aWhiteoutFile_hidesTheEntryBelow() throws Exception {
        write(bottom, "etc/passwd", "bottom");
        write(top, "etc/.wh.passwd", "");

        assertThat(rootfs.readString("/etc/passwd")).isEmpty();
    }

    @Test
    void aWhiteoutOfADirectory_hidesEverythingUnderIt() throws Exception {
        write(bottom, "etc/passwd", "bottom");
        write(middle, ".wh.etc", "");

        assertThat(rootfs.readString("/etc/passwd")).isEmpty();
    }

    @Test
    void anOpaqueDirectory_hidesTheLowerContentOfThatDirectory() throws Exception {
        write(bottom, "etc/passwd", "bottom");
        write(bottom, "etc/group", "bottom");
        write(middle, "etc/.wh..wh..opq", "");
        write(middle, "etc/group", "middle");

        assertThat(rootfs.readString("/etc/passwd")).isEmpty();
        assertThat(rootfs.readString("/etc/group")).contains("middle");
    }

    @Test
    void anOverlayWhiteoutDevice_hidesTheEntryBelow() throws Exception {
        write(bottom, "etc/passwd", "bottom");
        Files.createDirectories(top.resolve("etc"));
        Process mknod = new ProcessBuilder("mknod", top.resolve("etc/passwd").toString(), "c", "0", "0").start();
        assertThat(mknod.waitFor()).isZero();

        assertThat(rootfs.readString("/etc/passwd")).isEmpty();
    }

    @Test
    void aFileInAnUpperLayer_replacesADirectoryBelow() throws Exception {
        write(bottom, "opt/app/conf", "below");
        write(top, "opt", "a file now");

        assertThat(rootfs.readString("/opt/app/conf")).isEmpty();
    }

    @Test
    void symlinks_areFollowedInsideTheRootfs_acrossLayers() throws Exception {
        write(bottom, "shared/passwd", "shared");
        Files.createDirectories(top.resolve("etc"));
        Files.createSymbolicLink(top.resolve("etc/passwd"), Path.of("/shared/passwd"));
        Files.createSymbolicLink(top.resolve("etc/group"), Path.of("../shared/passwd"));

        assertThat(rootfs.readString("/etc/passwd")).contains("shared");
        assertThat(rootfs.readString("/etc/group")).contains("shared");
    }

    @Test
    void symlinks_neverLeaveTheRootfs() throws Exception {
        Files.createDirectories(top.resolve("etc"));
        Files.createSymbolicLink(top.resolve("etc/passwd"), Path.of("../../../../../../../etc/hostname"));
        Files.createSymbolicLink(top.resolve("etc/group"), Path.of("/proc/self/status"));

        assertThat(rootfs.readString("/etc/passwd")).isEmpty();
        assertThat(rootfs.readString("/etc/group")).isEmpty();
    }

    @Test
    void aSymlinkLoop_resolvesToNothing() throws Exception {
        Files.createDirectories(top.resolve("etc"));
        Files.createSymbolicLink(top.resolve("etc/a"), Path.of("b"));
        Files.createSymbolicLink(top.resolve("etc/b"), Path.of("a"));

        assertThat(rootfs.resolve("/etc/a")).isEmpty();
    }

    @Test
    void list_mergesLayers_honouringWhiteoutsAndOpaqueDirectories() throws Exception {
        write(bottom, "srv/a", "bottom");
        write(bottom, "srv/b", "bottom");
        write(bottom, "srv/c", "bottom");
        write(middle, "srv/b", "middle");
        write(middle, "srv/.wh.c", "");
        write(top, "srv/d", "top");

        assertThat(rootfs.list("/srv")).containsExactly(
                java.util.Map.entry("a", bottom.resolve("srv/a")),
                java.util.Map.entry("b", middle.resolve("srv/b")),
                java.util.Map.entry("d", top.resolve("srv/d")));

        write(top, "srv/.wh..wh..opq", "");
        assertThat(rootfs.list("/srv")).containsOnlyKeys("d");
    }

    @Test
    void realPath_followsSymlinksInsideTheRootfs() throws Exception {
        write(bottom, "data/app/file", "x");
        Files.createDirectories(top.resolve("var/lib"));
        Files.createSymbolicLink(top.resolve("var/lib/app"), Path.of("../../data/app"));

        assertThat(rootfs.realPath("/var/lib/app")).contains("/data/app");
        assertThat(rootfs.realPath("/var/lib/none")).isEmpty();
    }

    private static void write(Path layer, String relative, String content) throws Exception {
        Path file = layer.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
