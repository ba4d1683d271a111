package dev.berth.cli.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.berth.cli.Main;
import dev.berth.cli.ProcessContext;

/** {@code berth engine image …} as a user runs it: exit codes and the exact lines printed. */
class ImageCommandsTest {

    @TempDir
    Path dir;

    Path rootfs;

    record Result(int exit, List<String> out, List<String> err) {
    }

    @BeforeEach
    void buildBusyboxRootfs() throws IOException {
        rootfs = dir.resolve("rootfs.tar");
        BusyboxRootfs.write(rootfs, "sh");
    }

    private Result berth(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] full = new String[args.length + 4];
        full[0] = "engine";
        full[1] = "--data-root";
        full[2] = dir.resolve("data").toString();
        full[3] = "image";
        System.arraycopy(args, 0, full, 4, args.length);
        int exit = Main.run(ProcessContext.current(), new PrintWriter(out), new PrintWriter(err), full);
        return new Result(exit, out.toString().lines().toList(), err.toString().lines().toList());
    }

    @Test
    void importThenList_showsTheImage() throws IOException {
        Result imported = berth("import", rootfs.toString(), "busybox");

        assertThat(imported.exit()).isZero();
        assertThat(imported.err()).isEmpty();
        assertThat(imported.out()).singleElement().asString().matches("sha256:[a-f0-9]{64}");
        String shortId = imported.out().getFirst().substring(7, 19);

        Result listed = berth("ls");

        assertThat(listed.exit()).isZero();
        String size = ImageTable.humanSize(Files.size(rootfs));
        assertThat(listed.out()).hasSize(2);
        assertThat(listed.out().get(0)).matches("REPOSITORY   TAG       IMAGE ID       CREATED +SIZE");
        assertThat(listed.out().get(1)).matches("busybox      latest    " + shortId
                + "   (Less than a second|\\d+ seconds?) ago +" + java.util.regex.Pattern.quote(size));
        int sizeColumn = listed.out().get(0).indexOf("SIZE");
        assertThat(listed.out().get(1).substring(sizeColumn)).isEqualTo(size);

        assertThat(berth("ls", "-q").out()).containsExactly(shortId);
    }

    @Test
    void tagThenRemove_printsDockersLines() {
        String id = berth("import", rootfs.toString(), "busybox").out().getFirst();
        assertThat(berth("tag", "busybox", "localhost:5000/box:v1").exit()).isZero();

        Result first = berth("rm", "busybox");
        Result last = berth("rm", "localhost:5000/box:v1");

        assertThat(first.exit()).isZero();
        assertThat(first.out()).containsExactly("Untagged: busybox:latest");
        assertThat(last.exit()).isZero();
        assertThat(last.out()).containsExactly("Untagged: localhost:5000/box:v1", "Deleted: " + id);
        assertThat(berth("ls").out()).containsExactly("REPOSITORY   TAG       IMAGE ID   CREATED   SIZE");
    }

    @Test
    void rm_ofAMissingImage_failsWithDockersMessage() {
        Result result = berth("rm", "nothing");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).containsExactly("No such image: nothing:latest");
    }

    @Test
    void import_withAnInvalidName_failsWithoutStoringAnything() {
        Result result = berth("import", rootfs.toString(), "Busy");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).containsExactly("invalid reference format \"Busy\": repository name must be lowercase"
                + " letters, digits and separators . _ __ -");
        assertThat(berth("ls", "-q").out()).isEmpty();
    }

    @Test
    void load_ofAMissingFile_says_so() {
        Result result = berth("load", "-i", dir.resolve("missing.tar").toString());

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).containsExactly("cannot load images: " + dir.resolve("missing.tar") + " does not exist");
    }

    @Test
    void load_readsADockerSaveArchive() throws IOException {
        String id = berth("import", rootfs.toString(), "busybox").out().getFirst();
        Path archive = dir.resolve("saved.tar");
        Path data = dir.resolve("data");
        String config = "blobs/sha256/" + id.substring(7);
        String manifestJson = "[{\"Config\":\"" + config + "\",\"RepoTags\":[\"saved:1\"],\"Layers\":[\"layer.tar\"]}]";
        try (OutputStream file = Files.newOutputStream(archive);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(file)) {
            add(tar, config, Files.readAllBytes(data.resolve("images").resolve(config)));
            add(tar, "layer.tar", Files.readAllBytes(rootfs));
            add(tar, "manifest.json", manifestJson.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        berth("rm", "busybox");

        Result loaded = berth("load", "-i", archive.toString());

        assertThat(loaded.exit()).isZero();
        assertThat(loaded.out()).containsExactly("Loaded image: saved:1");
        Result inspected = berth("inspect", "saved:1");
        assertThat(inspected.exit()).isZero();
        assertThat(String.join("\n", inspected.out())).contains("\"Id\" : \"" + id + "\"")
                .contains("\"RepoTags\" : [ \"saved:1\" ]");
    }

    @Test
    void load_ofAFolder_saysSo() {
        Result result = berth("load", "-i", dir.toString());

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).containsExactly("cannot load images: " + dir + " is a folder; give -i the archive"
                + " file (docker save output or an OCI layout tar, possibly gzip or zstd)");
    }

    @Test
    void load_ofATruncatedArchive_namesTheFileAndTheProblem() throws IOException {
        Path cut = dir.resolve("cut.tar.gz");
        java.io.ByteArrayOutputStream gzip = new java.io.ByteArrayOutputStream();
        try (var out = new java.util.zip.GZIPOutputStream(gzip)) {
            out.write(Files.readAllBytes(rootfs));
        }
        Files.write(cut, java.util.Arrays.copyOf(gzip.toByteArray(), gzip.size() / 2));

        Result result = berth("load", "-i", cut.toString());

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).containsExactly("image archive " + cut + ": cannot read it as gzip data: the data"
                + " ends too early (is the file truncated?)");
    }

    @Test
    void aDataRootThatIsAFile_isRefused() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(ProcessContext.current(), new PrintWriter(out), new PrintWriter(err), "engine",
                "--data-root", rootfs.toString(), "image", "ls");

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("data root " + rootfs + " is not a folder: give --data-root (or"
                + " BERTH_DATA_ROOT) a folder, or a path where berth may make one\n");
    }

    private static void add(TarArchiveOutputStream tar, String name, byte[] bytes) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(bytes.length);
        tar.putArchiveEntry(entry);
        tar.write(bytes);
        tar.closeArchiveEntry();
    }
}
