package dev.berth.engine.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.berth.engine.core.EngineException;
import dev.berth.engine.testing.RecordingFileOps;
import dev.berth.engine.testing.TarWriter;

class LayerApplierTest {

    @TempDir
    Path sandbox;

    Path root;
    RecordingFileOps ops;
    LayerApplier applier;

    @BeforeEach
    void setUp() throws IOException {
        root = Files.createDirectory(sandbox.resolve("root"));
        ops = new RecordingFileOps();
        applier = new LayerApplier(ops);
    }

    private LayerApplyReport apply(TarWriter tar, Path target, Path... lowers) throws IOException {
        return applier.apply(new ByteArrayInputStream(tar.toBytes()), target, List.of(lowers));
    }

    private static int mode(Path p) throws IOException {
        return (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 07777;
    }

    @Test
    void apply_createsFilesFoldersAndLinks_withModesOwnersAndTimes() throws IOException {
        TarWriter tar = new TarWriter().mtime(1_000_000)
                .dir("./", 0700)
                .dir("bin/", 0755)
                .file("bin/busybox", 04755, "binary".getBytes(StandardCharsets.UTF_8))
                .hardlink("bin/sh", "bin/busybox")
                .symlink("bin/ls", "/bin/busybox")
                .owned("home/user/notes", 0600, 1000, 2000, "hi");

        LayerApplyReport report = apply(tar, root);

        assertThat(report.entries()).isEqualTo(6);
        assertThat(mode(root)).as("the root entry is ignored").isNotEqualTo(0700);
        assertThat(mode(root.resolve("bin/busybox"))).isEqualTo(04755);
        assertThat(Files.isSameFile(root.resolve("bin/sh"), root.resolve("bin/busybox"))).isTrue();
        assertThat(Files.readSymbolicLink(root.resolve("bin/ls"))).isEqualTo(Path.of("/bin/busybox"));
        assertThat(Files.readString(root.resolve("home/user/notes"))).isEqualTo("hi");
        assertThat(mode(root.resolve("home/user"))).as("missing parents are created 0755").isEqualTo(0755);
        assertThat(ops.owners.get(root.resolve("home/user/notes"))).isEqualTo(new RecordingFileOps.Owner(1000, 2000));
        assertThat(Files.getLastModifiedTime(root.resolve("bin"))).isEqualTo(FileTime.fromMillis(1_000_000_000L));
        assertThat(Files.getLastModifiedTime(root.resolve("bin/busybox")))
                .isEqualTo(FileTime.fromMillis(1_000_000_000L));
    }

    @Test
    void apply_makesDeviceNodesAndFifos_throughFileOps() throws IOException {
        apply(new TarWriter().charDevice("dev/null", 0666, 1, 3).fifo("run/pipe", 0600), root);

        assertThat(ops.nodes.get(root.resolve("dev/null")))
                .isEqualTo(new RecordingFileOps.Node(FileOps.NodeType.CHARACTER_DEVICE, 0666, 1, 3));
        assertThat(ops.nodes.get(root.resolve("run/pipe")))
                .isEqualTo(new RecordingFileOps.Node(FileOps.NodeType.FIFO, 0600, 0, 0));
    }

    @Test
    void apply_setsBinaryXattrValues_byteForByte() throws IOException {
        byte[] capability = {(byte) 0xff, (byte) 0xfe, (byte) 0x80, 0x00, 0x41};
        apply(new TarWriter().fileWithXattrs("bin/ping", "x",
                Map.of("security.capability", capability, "user.note", "plain".getBytes(StandardCharsets.UTF_8))), root);

        Map<String, byte[]> set = ops.xattrs.get(root.resolve("bin/ping"));
        assertThat(set.get("security.capability")).containsExactly(capability);
        assertThat(new String(set.get("user.note"), StandardCharsets.UTF_8)).isEqualTo("plain");
    }

    @Test
    void apply_dropsOverlayXattrsALayerCarries() throws IOException {
        apply(new TarWriter().dir("d/", 0755).fileWithXattrs("d/f", "x", Map.of(
                "trusted.overlay.redirect", "/etc".getBytes(StandardCharsets.UTF_8),
                "user.kept", "1".getBytes(StandardCharsets.UTF_8))), root);

        assertThat(ops.xattrs.get(root.resolve("d/f"))).containsOnlyKeys("user.kept");
    }

    @Test
    void apply_keepsLongPaxNames() throws IOException {
        String longName = "long/" + "x".repeat(120) + "/file";
        apply(new TarWriter().file(longName, "deep"), root);

        assertThat(Files.readString(root.resolve(longName))).isEqualTo("deep");
    }

    @Test
    void apply_turnsWhiteoutsIntoOverlayWhiteoutDevices() throws IOException {
        apply(new TarWriter().dir("etc/", 0755).file("etc/.wh.gone", ""), root);

        assertThat(ops.nodes.get(root.resolve("etc/gone")))
                .isEqualTo(new RecordingFileOps.Node(FileOps.NodeType.CHARACTER_DEVICE, 0, 0, 0));
        assertThat(root.resolve("etc/.wh.gone")).doesNotExist();
    }

    @Test
    void apply_marksOpaqueFolders_withTheOverlayXattr() throws IOException {
        apply(new TarWriter().dir("opq/", 0755).file("opq/new", "n").file("opq/.wh..wh..opq", ""), root);

        assertThat(new String(ops.xattrs.get(root.resolve("opq")).get("trusted.overlay.opaque"),
                StandardCharsets.US_ASCII)).isEqualTo("y");
        assertThat(root.resolve("opq/new")).hasContent("n");
        assertThat(root.resolve("opq/.wh..wh..opq")).doesNotExist();
    }

    @Test
    void apply_doesNotLetAWhiteoutHideAFileOfItsOwnLayer() throws IOException {
        apply(new TarWriter().file("a", "kept").file(".wh.a", ""), root);

        assertThat(root.resolve("a")).hasContent("kept");
        assertThat(ops.nodes).isEmpty();
    }

    @Test
    void apply_refusesABareWhiteout() {
        assertThatThrownBy(() -> apply(new TarWriter().file("etc/.wh.", ""), root))
                .isInstanceOf(EngineException.class)
                .hasMessage("refusing layer entry \"etc/.wh.\": a whiteout must name a file after \".wh.\"");
    }

    @Test
    void apply_replacesAFolderWithAFile_andASymlinkWithAFolder() throws IOException {
        apply(new TarWriter().dir("x/", 0755).file("x/inner", "i").symlink("y", "x"), root);
        apply(new TarWriter().file("x", "now a file").dir("y/", 0750), root);

        assertThat(root.resolve("x")).isRegularFile().hasContent("now a file");
        assertThat(Files.isDirectory(root.resolve("y"), LinkOption.NOFOLLOW_LINKS)).isTrue();
        assertThat(mode(root.resolve("y"))).isEqualTo(0750);
    }

    @Test
    void apply_linksToAFileOfALowerLayer() throws IOException {
        Path lower = Files.createDirectory(sandbox.resolve("lower"));
        apply(new TarWriter().file("bin/busybox", 0755, "bb".getBytes(StandardCharsets.UTF_8)), lower);

        apply(new TarWriter().hardlink("bin/sh", "bin/busybox"), root, lower);

        assertThat(Files.isSameFile(root.resolve("bin/sh"), lower.resolve("bin/busybox"))).isTrue();
    }

    // ---- hostile layers ----

    @Test
    void apply_refusesDotDot_andWritesNothingOutside() throws IOException {
        assertThatThrownBy(() -> apply(new TarWriter().file("../x", "evil"), root))
                .isInstanceOf(EngineException.class)
                .hasMessage("refusing layer entry \"../x\": path \"../x\" contains \"..\" and could leave the root"
                        + " filesystem");
        assertThat(sandbox.resolve("x")).doesNotExist();
    }

    @Test
    void apply_refusesDotDotInTheMiddle() {
        assertThatThrownBy(() -> apply(new TarWriter().file("a/../../x", "evil"), root))
                .hasMessage("refusing layer entry \"a/../../x\": path \"a/../../x\" contains \"..\" and could leave"
                        + " the root filesystem");
        assertThat(sandbox.resolve("x")).doesNotExist();
    }

    @Test
    void apply_refusesAbsolutePaths() {
        String target = "/tmp/berth-escape-" + UUID.randomUUID();
        assertThatThrownBy(() -> apply(new TarWriter().file(target, "evil"), root))
                .hasMessage("refusing layer entry \"" + target + "\": path \"" + target
                        + "\" is absolute; a layer may only name paths inside the root filesystem");
        assertThat(Path.of(target)).doesNotExist();
    }

    @Test
    void apply_refusesWritingThroughASymlinkToTheHostRoot_madeEarlierInTheSameLayer() throws IOException {
        String name = "berth-escape-" + UUID.randomUUID();
        assertThatThrownBy(() -> apply(new TarWriter().symlink("a", "/").file("a/tmp/" + name, "evil"), root))
                .hasMessage("refusing layer entry \"a/tmp/" + name + "\": \"a\" is a symlink, and a layer may not"
                        + " write through a symlink");
        assertThat(Path.of("/tmp", name)).doesNotExist();
    }

    @Test
    void apply_refusesWritingThroughASymlinkChainOfDotDots() throws IOException {
        assertThatThrownBy(() -> apply(new TarWriter().dir("d/", 0755).symlink("d/up", "../..")
                .file("d/up/escaped", "evil"), root))
                .hasMessage("refusing layer entry \"d/up/escaped\": \"d/up\" is a symlink, and a layer may not"
                        + " write through a symlink");
        assertThat(sandbox.resolve("escaped")).doesNotExist();
        assertThat(sandbox.getParent().resolve("escaped")).doesNotExist();
    }

    @Test
    void apply_refusesWritingThroughASymlinkOfALowerLayer() throws IOException {
        Path lower = Files.createDirectory(sandbox.resolve("lower"));
        Path outside = Files.createDirectory(sandbox.resolve("outside"));
        apply(new TarWriter().symlink("etc", outside.toString()), lower);

        assertThatThrownBy(() -> apply(new TarWriter().file("etc/passwd", "evil"), root, lower))
                .hasMessage("refusing layer entry \"etc/passwd\": \"etc\" is a symlink, and a layer may not write"
                        + " through a symlink");
        assertThat(outside).isEmptyDirectory();
    }

    @Test
    void apply_refusesAHardlinkToAnAbsoluteHostPath() throws IOException {
        assertThatThrownBy(() -> apply(new TarWriter().hardlink("passwd", "/etc/passwd"), root))
                .hasMessage("refusing layer entry \"passwd\": hardlink target \"/etc/passwd\" is absolute; a layer"
                        + " may only name paths inside the root filesystem");
        assertThat(root.resolve("passwd")).doesNotExist();
    }

    @Test
    void apply_refusesAHardlinkClimbingOutOfTheRoot() throws IOException {
        Files.writeString(sandbox.resolve("x"), "outside");
        assertThatThrownBy(() -> apply(new TarWriter().hardlink("link", "../../x"), root))
                .hasMessage("refusing layer entry \"link\": hardlink target \"../../x\" contains \"..\" and could"
                        + " leave the root filesystem");
        assertThat(root.resolve("link")).doesNotExist();
        assertThat((Integer) Files.getAttribute(sandbox.resolve("x"), "unix:nlink")).isEqualTo(1);
    }

    @Test
    void apply_refusesAHardlinkThroughASymlink() throws IOException {
        Files.writeString(sandbox.resolve("secret"), "outside");
        assertThatThrownBy(() -> apply(new TarWriter().symlink("s", sandbox.toString()).hardlink("link", "s/secret"),
                root))
                .hasMessage("refusing layer entry \"link\": \"s\" is a symlink, and a layer may not write through a"
                        + " symlink");
        assertThat((Integer) Files.getAttribute(sandbox.resolve("secret"), "unix:nlink")).isEqualTo(1);
    }

    @Test
    void apply_refusesAHardlinkToAMissingFile() {
        assertThatThrownBy(() -> apply(new TarWriter().hardlink("link", "nowhere"), root))
                .hasMessage("refusing layer entry \"link\": hardlink target \"nowhere\" does not exist in this layer"
                        + " or below it");
    }

    @Test
    void apply_replacesASymlinkItself_neverItsTarget() throws IOException {
        Path outside = Files.writeString(sandbox.resolve("outside-file"), "untouched");
        apply(new TarWriter().symlink("f", outside.toString()).file("f", "replaced"), root);

        assertThat(outside).hasContent("untouched");
        assertThat(root.resolve("f")).isRegularFile().hasContent("replaced");
    }
    // ---- whiteouts that name no single entry ----

    @ParameterizedTest
    @ValueSource(strings = {".wh..", ".wh...", "d/.wh..", "d/.wh..."})
    void apply_refusesAWhiteoutOfDotOrDotDot_andTouchesNothingOutside(String marker) throws IOException {
        Path canary = Files.writeString(sandbox.resolve("canary"), "kept");
        String hidden = marker.substring(marker.lastIndexOf(".wh.") + 4);

        assertThatThrownBy(() -> apply(new TarWriter().dir("d/", 0755).file("d/f", "f").file(marker, ""), root))
                .isInstanceOf(EngineException.class)
                .hasMessage("refusing layer entry \"" + marker + "\": a whiteout must name a file or folder after"
                        + " \".wh.\", not \"" + hidden + "\"");
        assertThat(canary).hasContent("kept");
        try (var outside = Files.list(sandbox)) {
            assertThat(outside).containsExactlyInAnyOrder(root, canary);
        }
        assertThat(ops.nodes).isEmpty();
        assertThat(root.resolve("d/f")).hasContent("f");
    }

    // ---- input that is not a layer berth can apply ----

    @Test
    void apply_refusesAPathComponentLongerThanLinuxAllows() {
        String name = "a/" + "x".repeat(300);

        assertThatThrownBy(() -> apply(new TarWriter().file(name, "x"), root))
                .isInstanceOf(EngineException.class)
                .hasMessage("refusing layer entry \"" + name + "\": path has a component of 300 bytes; Linux allows"
                        + " at most 255 bytes in a file name");
        assertThat(root).isEmptyDirectory();
    }

    @Test
    void apply_acceptsAComponentOfExactly255Bytes() throws IOException {
        String name = "x".repeat(255);
        apply(new TarWriter().file(name, "x"), root);

        assertThat(root.resolve(name)).hasContent("x");
    }

    @Test
    void apply_refusesBytesThatAreNotATar_namingTheLayer() {
        byte[] text = "hello, this is not a tar archive\n".repeat(40).getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> applier.apply(new ByteArrayInputStream(text), "layer sha256:ab", root, List.of()))
                .isInstanceOf(EngineException.class)
                .hasMessage("layer sha256:ab: cannot read it as a tar archive: Corrupted TAR archive");
    }

    @Test
    void apply_refusesATarCutInsideAFile_namingTheLayer() {
        byte[] cut = new TarWriter().file("big", 0644, new byte[4096]).truncated(512 + 1000);

        assertThatThrownBy(() -> applier.apply(new ByteArrayInputStream(cut), "layer sha256:ab", root, List.of()))
                .isInstanceOf(EngineException.class)
                .hasMessage("layer sha256:ab: cannot read it as a tar archive: Truncated TAR archive");
    }

    // ---- extended attributes as Docker applies them ----

    @Test
    void apply_skipsAnXattrTheKernelRefusesOnASymlink_withAWarning_asDockerDoes() throws IOException {
        TarWriter tar = new TarWriter().file("target", "t").entry("link", '2', 0777, 0, 0, "target", new byte[0],
                Map.of("SCHILY.xattr.user.note", "n".getBytes(StandardCharsets.UTF_8)), 0, 0);

        LayerApplyReport report = apply(tar, root);

        assertThat(Files.readSymbolicLink(root.resolve("link"))).isEqualTo(Path.of("target"));
        assertThat(ops.xattrs.get(root.resolve("link"))).isNull();
        assertThat(report.warnings()).containsExactly("layer entry \"link\": extended attribute user.note not set:"
                + " the kernel refuses it for this symlink");
    }

    @Test
    void apply_ignoresXattrsOfAGlobalPaxHeader_asDockerDoes_andKeepsAnEntrysOwn() throws IOException {
        TarWriter tar = new TarWriter()
                .globalPax(Map.of("SCHILY.xattr.user.global", "g".getBytes(StandardCharsets.UTF_8)))
                .file("plain", "p")
                .fileWithXattrs("own", "o", Map.of("user.own", "o".getBytes(StandardCharsets.UTF_8)));

        LayerApplyReport report = apply(tar, root);

        assertThat(report.entries()).isEqualTo(2);
        assertThat(ops.xattrs.get(root.resolve("plain"))).isNull();
        assertThat(ops.xattrs.get(root.resolve("own"))).containsOnlyKeys("user.own");
        assertThat(root.resolve("plain")).hasContent("p");
    }

    @Test
    void apply_refusesAGlobalPaxHeaderThatRenamesEveryEntry() {
        TarWriter tar = new TarWriter().globalPax(Map.of("path", "evil".getBytes(StandardCharsets.UTF_8)))
                .file("a", "a");

        assertThatThrownBy(() -> applier.apply(new ByteArrayInputStream(tar.toBytes()), "layer sha256:ab", root,
                List.of()))
                .isInstanceOf(EngineException.class)
                .hasMessage("layer sha256:ab: refusing a global PAX header that sets \"path\" for every later entry;"
                        + " Docker ignores global headers and berth will not guess");
        assertThat(root).isEmptyDirectory();
    }

    @Test
    void apply_refusesAPaxHeaderOfGigabytes_beforeBufferingIt() {
        byte[] tar = new TarWriter().headerOnly("PaxHeaders/huge", 'x', 2L << 30).toBytes();

        assertThatThrownBy(() -> applier.apply(new ByteArrayInputStream(tar), "layer sha256:ab", root, List.of()))
                .isInstanceOf(EngineException.class)
                .hasMessage("layer sha256:ab: refusing a tar header record of 2147483648 bytes (type 'x'); at most"
                        + " 1048576 are read, as Go's archive/tar (Docker's) reads");
    }
}
