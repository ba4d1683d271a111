package dev.berth.engine.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.berth.engine.core.EngineException;
import dev.berth.engine.layer.FileOps;
import dev.berth.engine.layer.LayerApplier;
import dev.berth.engine.testing.ImageArchives;
import dev.berth.engine.testing.ImageArchives.Compression;
import dev.berth.engine.testing.RecordingFileOps;
import dev.berth.engine.testing.TarWriter;

class ImageStoreTest {

    @TempDir
    Path dataRoot;

    RecordingFileOps ops;
    Optional<String> usingContainer = Optional.empty();
    ImageStore store;

    byte[] base = new TarWriter().dir("bin/", 0755).file("bin/hello", 0755, bytes("#!/bin/sh\necho hi\n"))
            .file("etc/os-release", "ID=test\n").toBytes();
    byte[] top = new TarWriter().dir("etc/", 0755).file("etc/.wh.os-release", "").file("etc/motd", "welcome\n")
            .toBytes();
    byte[] config = ImageArchives.config("\"Cmd\":[\"sh\"],\"Env\":[\"PATH=/bin\"]", List.of(base, top));

    @BeforeEach
    void setUp() {
        ops = new RecordingFileOps();
        store = new ImageStore(dataRoot, ops, id -> usingContainer);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private LoadReport load(byte[] archive) throws IOException {
        return store.load(new ByteArrayInputStream(archive));
    }

    private Digest imageId() {
        return Digest.of(config);
    }

    private void assertLoadedTwoLayerImage(String name) throws IOException {
        ResolvedImage image = store.resolve(name);
        assertThat(image.id()).isEqualTo(imageId());
        assertThat(image.config().cmd()).containsExactly("sh");
        List<Digest> chain = UnpackedLayers.chainIds(List.of(Digest.of(base), Digest.of(top)));
        assertThat(image.layersBottomFirst()).containsExactly(dataRoot.resolve("layers/" + chain.get(0).hex()),
                dataRoot.resolve("layers/" + chain.get(1).hex()));
        assertThat(image.layersBottomFirst().get(0).resolve("bin/hello")).hasContent("#!/bin/sh\necho hi");
        assertThat(image.layersBottomFirst().get(1).resolve("etc/motd")).hasContent("welcome");
        assertThat(image.layersBottomFirst().get(1).resolve("etc/os-release")).as("whiteout placeholder").exists();
        assertThat(ops.nodes).hasSize(1).allSatisfy((path, node) -> {
            assertThat(path.toString()).endsWith("/etc/os-release");
            assertThat(node).isEqualTo(new RecordingFileOps.Node(FileOps.NodeType.CHARACTER_DEVICE, 0, 0, 0));
        });
        assertThat(image.overlayLowerDir()).isEqualTo(image.layersBottomFirst().get(1) + ":"
                + image.layersBottomFirst().get(0));
        assertThat(dataRoot.resolve("tmp")).isEmptyDirectory();
    }

    @Test
    void load_readsALegacyDockerSaveArchive() throws IOException {
        LoadReport report = load(ImageArchives.dockerSaveLegacy("busybox:latest", config, List.of(base, top)));

        assertThat(report.lines()).containsExactly("Loaded image: busybox:latest");
        assertLoadedTwoLayerImage("busybox");
    }

    @Test
    void load_readsTheOciFormOfDocker25_preferringIndexJson() throws IOException {
        LoadReport report = load(ImageArchives.dockerSaveOci("docker.io/library/app:1.0", "app:1.0", config,
                List.of(base, top)));

        assertThat(report.lines()).containsExactly("Loaded image: app:1.0");
        assertLoadedTwoLayerImage("app:1.0");
    }

    @ParameterizedTest
    @EnumSource(Compression.class)
    void load_readsAnOciLayoutArchive_withEachLayerCompression(Compression compression) throws IOException {
        LoadReport report = load(ImageArchives.ociLayout("registry.example.com/team/app:v2", config,
                List.of(base, top), compression));

        assertThat(report.lines()).containsExactly("Loaded image: registry.example.com/team/app:v2");
        assertLoadedTwoLayerImage("registry.example.com/team/app:v2");
    }

    @Test
    void load_leavesAnImageUntagged_whenTheLayoutNamesOnlyATag() throws IOException {
        LoadReport report = load(ImageArchives.ociLayout("latest", config, List.of(base, top), Compression.GZIP));

        assertThat(report.lines()).containsExactly("Loaded image ID: " + imageId());
        assertThat(store.list()).singleElement().satisfies(s -> assertThat(s.references()).isEmpty());
        assertLoadedTwoLayerImage(imageId().hex().substring(0, 12));
    }

    @Test
    void load_writesAValidOciLayout() throws IOException {
        load(ImageArchives.dockerSaveLegacy("busybox:latest", config, List.of(base, top)));

        assertThat(dataRoot.resolve("images/oci-layout")).hasContent("{\"imageLayoutVersion\":\"1.0.0\"}");
        String index = Files.readString(dataRoot.resolve("images/index.json"));
        assertThat(index).contains("\"org.opencontainers.image.ref.name\":\"docker.io/library/busybox:latest\"");
        for (Digest d : store.blobs().list()) {
            assertThat(Digest.of(Files.readAllBytes(store.blobs().path(d)))).isEqualTo(d);
        }
    }

    @Test
    void load_refusesACorruptBlob_andKeepsNothing() throws IOException {
        byte[] archive = ImageArchives.ociLayout("x.io/app:1", config, List.of(base, top), Compression.NONE);
        String good = ImageArchives.sha256(base);
        byte[] corrupt = new String(archive, StandardCharsets.ISO_8859_1).replace("ID=test", "ID=evil")
                .getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> load(corrupt))
                .isInstanceOf(EngineException.class)
                .hasMessageStartingWith("blob sha256:" + good + ": digest mismatch: expected sha256:" + good + ", got ");
        assertThat(store.list()).isEmpty();
        assertThat(store.blobs().list()).isEmpty();
        assertThat(dataRoot.resolve("tmp")).isEmptyDirectory();
    }

    @Test
    void load_refusesALayerWhoseContentIsNotItsDiffId() throws IOException {
        byte[] wrongConfig = ImageArchives.config("", List.of(top, base));

        assertThatThrownBy(() -> load(ImageArchives.dockerSaveLegacy("bad:1", wrongConfig, List.of(base, top))))
                .hasMessageContaining(": digest mismatch of the uncompressed content: expected diff_id sha256:"
                        + ImageArchives.sha256(top) + ", got sha256:" + ImageArchives.sha256(base));
        assertThat(store.list()).isEmpty();
        assertThat(dataRoot.resolve("layers")).isEmptyDirectory();
    }

    @Test
    void load_refusesAHostileLayer_andChangesNothingOutside() throws IOException {
        byte[] hostile = new TarWriter().file("../../escaped", "evil").toBytes();
        byte[] hostileConfig = ImageArchives.config("", List.of(hostile));

        assertThatThrownBy(() -> load(ImageArchives.dockerSaveLegacy("evil:1", hostileConfig, List.of(hostile))))
                .hasMessage("refusing layer entry \"../../escaped\": path \"../../escaped\" contains \"..\" and could"
                        + " leave the root filesystem");
        assertThat(dataRoot.resolve("escaped")).doesNotExist();
        assertThat(dataRoot.resolve("layers/escaped")).doesNotExist();
        assertThat(store.list()).isEmpty();
    }

    @Test
    void load_refusesAnArchiveOfNeitherFormat() throws IOException {
        assertThatThrownBy(() -> load(ImageArchives.tar(java.util.Map.of("hello.txt", bytes("hi")))))
                .hasMessage("image archive is neither a docker save archive (no manifest.json) nor an OCI image layout"
                        + " (no index.json)");
    }

    @Test
    void importRootfs_makesAOneLayerImage_likeDockerImport() throws IOException {
        ImageSummary summary = store.importRootfs(new ByteArrayInputStream(base), "rootfs.tar",
                ImageReference.parse("mybox"));

        assertThat(summary.references()).containsExactly(ImageReference.parse("mybox:latest"));
        ImageConfig config = store.config("mybox");
        assertThat(config.cmd()).isNull();
        assertThat(config.env()).isEmpty();
        assertThat(config.diffIds()).containsExactly(Digest.of(base));
        assertThat(config.os()).isEqualTo("linux");
        assertThat(store.resolve("mybox").layersBottomFirst()).singleElement()
                .satisfies(p -> assertThat(p.resolve("etc/os-release")).hasContent("ID=test"));
    }

    @Test
    void importRootfs_acceptsACompressedTar() throws IOException {
        store.importRootfs(new ByteArrayInputStream(ImageArchives.compress(base, Compression.GZIP)), "-",
                ImageReference.parse("gz:1"));

        assertThat(store.config("gz:1").diffIds()).containsExactly(Digest.of(base));
    }

    @Test
    void tagAndRemove_followDocker() throws IOException {
        load(ImageArchives.dockerSaveLegacy("busybox:latest", config, List.of(base, top)));
        store.tag("busybox", "localhost:5000/copy:v1");

        assertThat(store.list()).singleElement().satisfies(s -> assertThat(s.references()).containsExactly(
                ImageReference.parse("docker.io/library/busybox:latest"), ImageReference.parse("localhost:5000/copy:v1")));

        assertThat(store.remove("busybox", false).lines()).containsExactly("Untagged: busybox:latest");
        assertThat(store.resolve("localhost:5000/copy:v1").id()).isEqualTo(imageId());

        assertThat(store.remove("localhost:5000/copy:v1", false).lines())
                .containsExactly("Untagged: localhost:5000/copy:v1", "Deleted: " + imageId());
        assertThat(store.list()).isEmpty();
        assertThat(store.blobs().list()).isEmpty();
        try (var layers = Files.list(dataRoot.resolve("layers"))) {
            assertThat(layers).isEmpty();
        }
    }

    @Test
    void remove_byId_isRefusedWhileSeveralReferencesNameTheImage() throws IOException {
        load(ImageArchives.dockerSaveLegacy("busybox:latest", config, List.of(base, top)));
        store.tag("busybox", "other");

        assertThatThrownBy(() -> store.remove(imageId().hex().substring(0, 12), false))
                .hasMessage("conflict: unable to delete " + imageId().shortHex()
                        + " (must be forced) - image is referenced in multiple repositories");
        assertThat(store.remove(imageId().toString(), true).lines()).containsExactly("Untagged: busybox:latest",
                "Untagged: other:latest", "Deleted: " + imageId());
    }

    @Test
    void remove_isRefusedWhileAContainerUsesTheImage() throws IOException {
        load(ImageArchives.dockerSaveLegacy("busybox:latest", config, List.of(base, top)));
        usingContainer = Optional.of("0123456789abcdef0123");

        assertThatThrownBy(() -> store.remove("busybox", false))
                .isInstanceOf(EngineException.class)
                .hasMessage("conflict: unable to remove repository reference \"busybox\" (must force) - container"
                        + " 0123456789ab is using its referenced image " + imageId().shortHex());
        assertThat(store.resolve("busybox").id()).isEqualTo(imageId());
    }

    @Test
    void find_reportsAMissingImageInDockersWords() {
        assertThatThrownBy(() -> store.resolve("nothing:here"))
                .hasMessage("No such image: nothing:here");
    }

    @Test
    void load_replacingATag_keepsTheOldImageUntagged() throws IOException {
        load(ImageArchives.dockerSaveLegacy("app:1", config, List.of(base, top)));
        byte[] newer = ImageArchives.config("\"Cmd\":[\"new\"]", List.of(base));
        load(ImageArchives.dockerSaveLegacy("app:1", newer, List.of(base)));

        assertThat(store.resolve("app:1").config().cmd()).containsExactly("new");
        assertThat(store.list()).hasSize(2).anySatisfy(s -> {
            assertThat(s.id()).isEqualTo(imageId());
            assertThat(s.references()).isEmpty();
        });
    }

    @Test
    void unpack_ofTheSameLayerConcurrently_givesOneWholeFolder() throws Exception {
        BlobStore blobs = new BlobStore(dataRoot.resolve("images"), dataRoot.resolve("tmp"));
        Digest digest = blobs.write(base);
        UnpackedLayers layers = new UnpackedLayers(dataRoot.resolve("layers"), dataRoot.resolve("tmp"), blobs,
                new LayerApplier(new RecordingFileOps()));
        Descriptor layer = new Descriptor(MediaTypes.OCI_LAYER, digest, base.length);
        List<Callable<List<Path>>> tasks = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            tasks.add(() -> layers.ensureUnpacked(List.of(layer), List.of(digest)));
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            for (Future<List<Path>> f : pool.invokeAll(tasks)) {
                assertThat(f.get()).containsExactly(dataRoot.resolve("layers/" + digest.hex()));
            }
        }
        assertThat(dataRoot.resolve("layers/" + digest.hex() + "/bin/hello")).exists();
        assertThat(dataRoot.resolve("tmp")).isEmptyDirectory();
    }

    @Test
    void load_followsTheSymlinksLegacyDockerSaveUsesForRepeatedLayers() throws IOException {
        String configName = ImageArchives.sha256(config) + ".json";
        java.util.Map<String, byte[]> files = new java.util.LinkedHashMap<>();
        files.put(configName, config);
        files.put("aaa/layer.tar", base);
        files.put("bbb/layer.tar", top);
        files.put("manifest.json", bytes("[{\"Config\":\"" + configName + "\",\"RepoTags\":[\"linked:1\"],"
                + "\"Layers\":[\"ccc/layer.tar\",\"bbb/layer.tar\"]}]"));
        byte[] archive = withSymlink(ImageArchives.tar(files), "ccc/layer.tar", "../aaa/layer.tar");

        assertThat(load(archive).lines()).containsExactly("Loaded image: linked:1");
        assertLoadedTwoLayerImage("linked:1");
    }

    @Test
    void load_refusesAnArchiveSymlinkLeavingTheArchive() throws IOException {
        byte[] archive = withSymlink(ImageArchives.tar(java.util.Map.of("manifest.json", bytes("[]"))),
                "x/layer.tar", "../../../etc/passwd");

        assertThatThrownBy(() -> load(archive))
                .hasMessage("image archive entry \"x/layer.tar\" links outside the archive");
        assertThat(dataRoot.resolve("tmp")).isEmptyDirectory();
    }

    @Test
    void load_picksThisPlatformFromAnImageIndex() throws IOException {
        java.util.Map<String, byte[]> files = new java.util.LinkedHashMap<>();
        byte[] single = ImageArchives.ociLayout("x", config, List.of(base, top), Compression.GZIP);
        // Reuse the blobs of a one-image layout, then put a multi-platform index in front of them.
        Path scratch = Files.createTempDirectory(dataRoot, "scratch");
        try (var in = new org.apache.commons.compress.archivers.tar.TarArchiveInputStream(
                new ByteArrayInputStream(single))) {
            org.apache.commons.compress.archivers.tar.TarArchiveEntry e;
            while ((e = in.getNextEntry()) != null) {
                files.put(e.getName(), in.readAllBytes());
            }
        }
        Files.delete(scratch);
        String manifestRef = new String(files.get("index.json"), StandardCharsets.UTF_8);
        String manifestDigest = manifestRef.replaceAll(".*\"digest\":\"(sha256:[a-f0-9]{64})\".*", "$1");
        long manifestSize = files.get("blobs/sha256/" + manifestDigest.substring(7)).length;
        String other = "sha256:" + "cd".repeat(32);
        byte[] nested = bytes("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\","
                + "\"manifests\":[{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\""
                + other + "\",\"size\":10,\"platform\":{\"os\":\"linux\",\"architecture\":\"s390x\"}},"
                + "{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"" + manifestDigest
                + "\",\"size\":" + manifestSize + ",\"platform\":{\"os\":\"linux\",\"architecture\":\""
                + Platform.architecture() + "\"}}]}");
        files.put("blobs/sha256/" + ImageArchives.sha256(nested), nested);
        files.put("index.json", bytes("{\"schemaVersion\":2,\"manifests\":[{\"mediaType\":"
                + "\"application/vnd.oci.image.index.v1+json\",\"digest\":\"sha256:" + ImageArchives.sha256(nested)
                + "\",\"size\":" + nested.length + ",\"annotations\":{\"io.containerd.image.name\":"
                + "\"docker.io/library/multi:1\"}}]}"));

        assertThat(load(ImageArchives.tar(files)).lines()).containsExactly("Loaded image: multi:1");
        assertLoadedTwoLayerImage("multi:1");
    }

    // ---- hostile and broken archives: a clear error, and the store and tmp/ as they were ----

    /** Every file under the data root with its size, to show a refused load changed nothing. */
    private java.util.SortedMap<String, Long> snapshot() throws IOException {
        java.util.SortedMap<String, Long> files = new java.util.TreeMap<>();
        try (var all = Files.walk(dataRoot)) {
            for (Path p : all.toList()) {
                files.put(dataRoot.relativize(p).toString(), Files.isRegularFile(p) ? Files.size(p) : -1L);
            }
        }
        return files;
    }

    /** Loads a good image and leaves a canary in tmp/; returns the state a refused load must keep. */
    private java.util.SortedMap<String, Long> storeWithAnImageAndACanary() throws IOException {
        load(ImageArchives.dockerSaveLegacy("busybox:latest", config, List.of(base, top)));
        Files.writeString(dataRoot.resolve("tmp/canary"), "kept");
        return snapshot();
    }

    private void assertRefused(byte[] archive, String message, java.util.SortedMap<String, Long> before) {
        assertThatThrownBy(() -> store.load(new ByteArrayInputStream(archive), "image archive hostile.tar"))
                .isInstanceOf(EngineException.class)
                .hasMessage(message);
        try {
            assertThat(snapshot()).isEqualTo(before);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private byte[] oneLayerImage(byte[] layer) throws IOException {
        return ImageArchives.dockerSaveLegacy("hostile:1", ImageArchives.config("", List.of(layer)), List.of(layer));
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {".wh..", ".wh..."})
    void load_refusesAWhiteoutOfTheUnpackFolderOrItsParent_andKeepsTmp(String marker) throws IOException {
        var before = storeWithAnImageAndACanary();
        byte[] layer = new TarWriter().file("a", "a").file(marker, "").toBytes();

        assertRefused(oneLayerImage(layer), "refusing layer entry \"" + marker + "\": a whiteout must name a file or"
                + " folder after \".wh.\", not \"" + marker.substring(4) + "\"", before);
        assertThat(dataRoot.resolve("tmp/canary")).hasContent("kept");
    }

    @Test
    void load_refusesATruncatedGzipArchive() throws IOException {
        var before = storeWithAnImageAndACanary();
        byte[] gzip = ImageArchives.compress(ImageArchives.dockerSaveLegacy("app:1", config, List.of(base, top)),
                Compression.GZIP);

        assertRefused(java.util.Arrays.copyOf(gzip, gzip.length / 2), "image archive hostile.tar: cannot read it as gzip"
                + " data: the data ends too early (is the file truncated?)", before);
    }

    @Test
    void load_refusesBytesThatAreNotATar() throws IOException {
        var before = storeWithAnImageAndACanary();

        assertRefused(bytes("not a tar archive\n".repeat(100)), "image archive hostile.tar: cannot read it as a tar"
                + " archive: Corrupted TAR archive", before);
    }

    @ParameterizedTest
    @EnumSource(value = Compression.class, names = {"NONE", "GZIP"})
    void load_ignoresBytesAfterTheTarEnd_asDockerLoadDoes(Compression compression) throws IOException {
        byte[] archive = ImageArchives.compress(ImageArchives.dockerSaveLegacy("busybox:latest", config,
                List.of(base, top)), compression);
        java.io.ByteArrayOutputStream withGarbage = new java.io.ByteArrayOutputStream();
        withGarbage.writeBytes(archive);
        withGarbage.writeBytes(bytes("trailing garbage ".repeat(1000)));

        assertThat(load(withGarbage.toByteArray()).lines()).containsExactly("Loaded image: busybox:latest");
        assertLoadedTwoLayerImage("busybox");
    }

    @Test
    void load_refusesAPathComponentLongerThan255Bytes() throws IOException {
        var before = storeWithAnImageAndACanary();
        String name = "a/" + "x".repeat(300);

        assertRefused(oneLayerImage(new TarWriter().file(name, "x").toBytes()), "refusing layer entry \"" + name
                + "\": path has a component of 300 bytes; Linux allows at most 255 bytes in a file name", before);
    }

    @Test
    void load_refusesALayerThatIsNotATar_namingTheLayer() throws IOException {
        var before = storeWithAnImageAndACanary();
        byte[] layer = bytes("not a tar\n".repeat(100));

        assertRefused(oneLayerImage(layer), "layer sha256:" + ImageArchives.sha256(layer) + ": cannot read it as a tar"
                + " archive: Corrupted TAR archive", before);
    }

    @Test
    void load_skipsAnXattrTheKernelRefusesOnASymlink_andReportsIt() throws IOException {
        List<String> warnings = new ArrayList<>();
        store = new ImageStore(dataRoot, ops, id -> usingContainer, warnings::add);
        byte[] layer = new TarWriter().file("target", "t").entry("link", '2', 0777, 0, 0, "target", new byte[0],
                java.util.Map.of("SCHILY.xattr.user.note", bytes("n")), 0, 0).toBytes();

        assertThat(load(oneLayerImage(layer)).lines()).containsExactly("Loaded image: hostile:1");
        assertThat(warnings).containsExactly("layer sha256:" + ImageArchives.sha256(layer) + ": layer entry \"link\":"
                + " extended attribute user.note not set: the kernel refuses it for this symlink");
    }

    @Test
    void load_refusesAnIndexJsonOverItsCap_withoutReadingItWhole() throws IOException {
        var before = storeWithAnImageAndACanary();
        var files = filesOf(ImageArchives.ociLayout("x.io/app:1", config, List.of(base, top), Compression.NONE));
        files.put("index.json", padded(files.get("index.json"), MetadataLimit.INDEX.maxBytes() + 1));

        assertRefused(ImageArchives.tar(files), "archive index.json is larger than 4 MiB, the most berth reads for an"
                + " image index: it is not image metadata berth can use", before);
    }

    @Test
    void load_readsAnIndexJsonJustUnderItsCap() throws IOException {
        var files = filesOf(ImageArchives.ociLayout("x.io/app:1", config, List.of(base, top), Compression.NONE));
        files.put("index.json", padded(files.get("index.json"), MetadataLimit.INDEX.maxBytes()));

        assertThat(load(ImageArchives.tar(files)).lines()).containsExactly("Loaded image: x.io/app:1");
    }

    @Test
    void list_refusesAHugeStoreIndex_withBoundedMemory() throws IOException {
        load(ImageArchives.dockerSaveLegacy("busybox:latest", config, List.of(base, top)));
        Path index = dataRoot.resolve("images/index.json");
        try (var file = new java.io.RandomAccessFile(index.toFile(), "rw")) {
            file.setLength(2L << 30);
        }

        assertThatThrownBy(() -> store.list())
                .isInstanceOf(EngineException.class)
                .hasMessage("image index " + index + " is larger than 64 MiB, the most berth reads for the image store's"
                        + " index: it is not image metadata berth can use");
    }

    @Test
    void aDataRootThatIsAFile_isRefused() throws IOException {
        Path file = Files.writeString(dataRoot.resolve("a-file"), "x");

        assertThatThrownBy(() -> new ImageStore(file))
                .isInstanceOf(EngineException.class)
                .hasMessage("data root " + file + " is not a folder: give --data-root (or BERTH_DATA_ROOT) a folder, or"
                        + " a path where berth may make one");
    }

    @Test
    void load_intoADataRootWhoseTmpIsAFile_namesTheArchiveAndTheProblem() throws IOException {
        Files.writeString(dataRoot.resolve("tmp"), "in the way");

        assertThatThrownBy(() -> store.load(new ByteArrayInputStream(ImageArchives.dockerSaveLegacy("app:1", config,
                List.of(base, top))), "image archive app.tar"))
                .isInstanceOf(EngineException.class)
                .hasMessage("image archive app.tar: cannot store it under " + dataRoot + ": " + dataRoot.resolve("tmp")
                        + ": something that is not a folder is in the way");
    }

    @Test
    void load_refusesAnArchiveWhoseLongNameRecordIsGigabytes() throws IOException {
        var before = storeWithAnImageAndACanary();
        byte[] archive = new TarWriter().headerOnly("././@LongLink", 'L', 3L << 30).toBytes();

        assertRefused(archive, "image archive hostile.tar: refusing a tar header record of 3221225472 bytes (type 'L');"
                + " at most 1048576 are read, as Go's archive/tar (Docker's) reads", before);
    }

    private static java.util.Map<String, byte[]> filesOf(byte[] tar) throws IOException {
        java.util.Map<String, byte[]> files = new java.util.LinkedHashMap<>();
        try (var in = new org.apache.commons.compress.archivers.tar.TarArchiveInputStream(
                new ByteArrayInputStream(tar))) {
            org.apache.commons.compress.archivers.tar.TarArchiveEntry e;
            while ((e = in.getNextEntry()) != null) {
                files.put(e.getName(), in.readAllBytes());
            }
        }
        return files;
    }

    /** JSON followed by spaces up to {@code length} bytes: still the same JSON. */
    private static byte[] padded(byte[] json, int length) {
        byte[] result = java.util.Arrays.copyOf(json, length);
        java.util.Arrays.fill(result, json.length, length, (byte) ' ');
        return result;
    }

    /** Appends a symlink entry to an archive written by {@link ImageArchives#tar}. */
    private static byte[] withSymlink(byte[] archive, String name, String target) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (var in = new org.apache.commons.compress.archivers.tar.TarArchiveInputStream(
                new ByteArrayInputStream(archive));
                var tar = new org.apache.commons.compress.archivers.tar.TarArchiveOutputStream(out)) {
            org.apache.commons.compress.archivers.tar.TarArchiveEntry e;
            while ((e = in.getNextEntry()) != null) {
                tar.putArchiveEntry(e);
                in.transferTo(tar);
                tar.closeArchiveEntry();
            }
            var link = new org.apache.commons.compress.archivers.tar.TarArchiveEntry(name,
                    org.apache.commons.compress.archivers.tar.TarConstants.LF_SYMLINK);
            link.setLinkName(target);
            tar.putArchiveEntry(link);
            tar.closeArchiveEntry();
        }
        return out.toByteArray();
    }
}
