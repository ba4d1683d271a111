package dev.berth.engine.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.engine.core.EngineException;
import dev.berth.engine.layer.NativeFileOps;
import dev.berth.engine.layer.Trees;
import dev.berth.engine.testing.TarWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Paths resolved and tars extracted inside a root folder, never outside it. */
class InRootTest {

    private Path root;
    private int rootFd;
    private InRoot inRoot;
    private final String unique = "berth-inroot-" + UUID.randomUUID();

    @BeforeEach
    void makeRoot() throws IOException {
        root = Files.createTempDirectory("berth-inroot-");
        Files.createDirectories(root.resolve("etc"));
        Files.createDirectories(root.resolve("tmp"));
        Files.writeString(root.resolve("etc/passwd"), "root:x:0:0::/root:/bin/sh\n");
        Files.createSymbolicLink(root.resolve("escape"), Path.of("/"));
        Files.createSymbolicLink(root.resolve("tmp/up"), Path.of("../../.."));
        rootFd = NativeAt.openat(-1, root.toString(), NativeAt.O_PATH | NativeAt.O_DIRECTORY);
        inRoot = new InRoot(rootFd);
    }

    @AfterEach
    void removeRoot() throws IOException {
        NativeAt.close(rootFd);
        Trees.deleteRecursively(root);
    }

    private String resolved(String path, boolean followLast) throws IOException {
        try (InRoot.Location location = inRoot.resolve(path, followLast, false)) {
            return location.path();
        }
    }

    @Test
    void absoluteSymlinkToSlash_leadsToTheContainersRoot() throws IOException {
        assertThat(resolved("/escape/etc/passwd", false)).isEqualTo("/etc/passwd");
        assertThat(resolved("/escape", true)).isEqualTo("/");
    }

    @Test
    void dotDot_andRelativeSymlinksThatClimb_stopAtTheRoot() throws IOException {
        assertThat(resolved("/../../../etc/passwd", false)).isEqualTo("/etc/passwd");
        assertThat(resolved("/tmp/up/etc", false)).isEqualTo("/etc");
        assertThat(resolved("etc/../tmp/../../etc", false)).isEqualTo("/etc");
    }

    @Test
    void lastSymlink_isTheLocationItself_unlessFollowed() throws IOException {
        try (InRoot.Location link = inRoot.resolve("/escape", false, false)) {
            assertThat(link.info().isSymlink()).isTrue();
            assertThat(link.path()).isEqualTo("/escape");
        }
    }

    @Test
    void symlinkLoop_andMissingPaths_areRefusedNamingTheContainerPath() throws IOException {
        Files.createSymbolicLink(root.resolve("a"), Path.of("b"));
        Files.createSymbolicLink(root.resolve("b"), Path.of("/a"));

        assertThatThrownBy(() -> resolved("/a/x", false)).isInstanceOf(EngineException.class)
                .hasMessageEndingWith(": too many levels of symbolic links");
        assertThatThrownBy(() -> resolved("/escape/nothing/here", false)).isInstanceOf(NoSuchFileException.class)
                .hasMessage("/nothing");
        assertThatThrownBy(() -> resolved("/etc/passwd/x", false)).isInstanceOf(EngineException.class)
                .hasMessage("/etc/passwd is not a directory");
    }

    @Test
    void extract_throughTheContainersSymlinks_writesInsideTheRoot() throws IOException {
        byte[] tar = new TarWriter().file("escape/tmp/" + unique, "inside\n").file("up-file", "x")
                .toBytes();

        new TarUnpacker(inRoot, new NativeFileOps(), false, false).extract(new ByteArrayInputStream(tar), "/tmp/up",
                "test tar");

        assertThat(root.resolve("tmp/" + unique)).hasContent("inside");
        assertThat(root.resolve("up-file")).hasContent("x");
        assertThat(Path.of("/tmp", unique)).doesNotExist();
    }

    @Test
    void extract_refusesClimbingNames_andKeepsFoldersForFolders() throws IOException {
        byte[] climbing = new TarWriter().file("../../" + unique, "x").toBytes();
        assertThatThrownBy(() -> new TarUnpacker(inRoot, new NativeFileOps(), false, false)
                .extract(new ByteArrayInputStream(climbing), "/tmp", "test tar"))
                .hasMessageContaining("contains \"..\"");

        Files.writeString(root.resolve("tmp/old"), "old");
        byte[] tar = new TarWriter().dir("tmp", 0755).file("tmp/old", "new").toBytes();
        new TarUnpacker(inRoot, new NativeFileOps(), false, false).extract(new ByteArrayInputStream(tar), "/",
                "test tar");
        assertThat(root.resolve("tmp/old")).hasContent("new");
        assertThat(root.resolve("tmp/up")).isSymbolicLink();

        byte[] fileOverDir = new TarWriter().file("tmp", "a file").toBytes();
        assertThatThrownBy(() -> new TarUnpacker(inRoot, new NativeFileOps(), true, false)
                .extract(new ByteArrayInputStream(fileOverDir), "/", "test tar"))
                .hasMessage("cannot extract \"tmp\" from test tar: it would replace a directory with a non-directory");
    }

    @Test
    void export_namesEntriesAfterTheLastElement_andKeepsSymlinks() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InRoot.Location tmp = inRoot.resolve("/tmp/", true, false)) {
            new TarExporter(out).write(tmp, RootArchives.goBase("/tmp/"));
        }
        List<String> names = new ArrayList<>();
        try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(out.toByteArray()))) {
            for (TarArchiveEntry e; (e = in.getNextEntry()) != null; ) {
                names.add(e.getName() + (e.isSymbolicLink() ? " -> " + e.getLinkName() : ""));
            }
        }
        assertThat(names).containsExactly("tmp/", "tmp/up -> ../../..");
    }

    @Test
    void goBaseAndGoMode_areGos() throws IOException {
        assertThat(RootArchives.goBase("/etc/")).isEqualTo("etc");
        assertThat(RootArchives.goBase("/etc/.")).isEqualTo(".");
        assertThat(RootArchives.goBase("/")).isEqualTo("/");
        assertThat(PathInfo.lstat(root.resolve("etc")).goMode()).isEqualTo((1L << 31) | 0755);
        assertThat(PathInfo.lstat(root.resolve("escape")).goMode() & (1L << 27)).isNotZero();
    }
}
