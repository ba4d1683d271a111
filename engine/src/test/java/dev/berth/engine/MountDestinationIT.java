package dev.berth.engine;

import dev.berth.engine.core.EngineException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.engine.testing.ImageArchives;
import dev.berth.engine.testing.TarWriter;
import dev.berth.engine.volume.MountFlags;
import dev.berth.engine.volume.MountSpec;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Mount destinations are resolved inside the container's root filesystem, as Docker resolves them:
 * an image's symlinks are followed relative to its root and {@code ..} stops there, so a mount
 * lands where the container sees the path, and nothing is created or changed on the host through
 * them. Each case uses a fresh name (the canary) that must appear nowhere on the host afterwards.
 */
class MountDestinationIT {

    /** Symlinks of the test image (on top of busybox), all leading to /etc inside the root. */
    private static final String LINKS = """
            abs -> /etc
            rel -> etc
            climb -> ../../../../../../../../../../etc
            chain1 -> chain2
            chain2 -> /climb
            loop1 -> loop2
            loop2 -> /loop1
            dangling -> /made/here
            var/run -> /run
            """;

    @RegisterExtension
    final EngineFixture fx = new EngineFixture();

    private String canary;

    @BeforeEach
    void loadImages() throws Exception {
        byte[] random = new byte[4];
        new SecureRandom().nextBytes(random);
        canary = "berth-canary-" + HexFormat.of().formatHex(random);
        byte[] base = EngineFixture.busyboxTar();
        TarWriter links = new TarWriter().dir("var", 0755).dir("run", 0755)
                .dir("etc/" + canary + "-vol", 0755).file("etc/" + canary + "-vol/seed.txt", "seeded\n");
        LINKS.lines().map(l -> l.split(" -> ")).forEach(l -> links.symlink(l[0], l[1]));
        byte[] top = links.toBytes();
        byte[] config = ImageArchives.config("\"Volumes\":{\"/abs/" + canary + "-vol\":{}}", List.of(base, top));
        fx.engine.imageStore().load(new ByteArrayInputStream(ImageArchives.dockerSaveLegacy("links:1", config,
                List.of(base, top))));
    }

    @ParameterizedTest(name = "{0} through /{1}")
    @CsvSource({
            "bind, abs", "bind, rel", "bind, climb", "bind, chain1",
            "volume, abs", "volume, rel", "volume, climb", "volume, chain1",
            "tmpfs, abs", "tmpfs, rel", "tmpfs, climb", "tmpfs, chain1"})
    void mountThroughAnImageSymlink_landsAtTheSymlinksTargetInsideTheRoot(String kind, String link)
            throws IOException {
        String destination = "/" + link + "/" + canary;
        Path bindSource = bindSource();
        Function<String, MountSpec> mount = switch (kind) {
            case "bind" -> d -> MountFlags.parseVolume(bindSource + ":" + d);
            case "volume" -> d -> MountFlags.parseVolume(canary + ":" + d);
            default -> MountFlags::parseTmpfs;
        };
        String id = fx.run(RunRequest.builder("links:1").mount(mount.apply(destination))
                .command("sh", "-c", mountPointsNamed(canary)).build());
        assertThat(fx.output(id)).isEqualTo("/etc/" + canary + "\n/etc/" + canary + "-vol\n");
        assertNothingOnTheHostNamed(canary);
    }

    @Test
    void imageVolume_behindASymlink_isFilledFromItsTargetAndMountedThere() throws IOException {
        String id = fx.run(RunRequest.builder("links:1")
                .command("sh", "-c", "cat /etc/" + canary + "-vol/seed.txt; " + mountPointsNamed(canary)).build());
        assertThat(fx.output(id)).isEqualTo("seeded\n/etc/" + canary + "-vol\n");
        String volume = fx.engine.runtime().config(id).anonymousVolumes().getFirst();
        assertThat(fx.engine.volumes().inspect(volume).mountpoint().resolve("seed.txt")).hasContent("seeded");
        assertNothingOnTheHostNamed(canary);
    }

    @Test
    void danglingSymlink_isCreatedInsideTheRoot() throws IOException {
        String id = fx.run(RunRequest.builder("links:1").mount(MountFlags.parseTmpfs("/dangling/" + canary))
                .command("sh", "-c", mountPointsNamed(canary)).build());
        assertThat(fx.output(id)).isEqualTo("/etc/" + canary + "-vol\n/made/here/" + canary + "\n");
        assertThat(Path.of("/made")).as("the host's /made").doesNotExist();
        assertNothingOnTheHostNamed(canary);
    }

    @Test
    void socketUnderVarRun_landsInRun_asDockerPutsIt() throws IOException {
        Path socketLike = Files.writeString(Files.createDirectories(fx.base.resolve(canary)).resolve("app.sock"),
                "a file standing in for a socket\n");
        String id = fx.run(RunRequest.builder("links:1")
                .mount(MountFlags.parseVolume(socketLike + ":/var/run/" + canary + ".sock"))
                .command("sh", "-c", "cat /run/" + canary + ".sock").build());
        assertThat(fx.output(id)).isEqualTo("a file standing in for a socket\n");
        assertThat(Path.of("/run/" + canary + ".sock")).as("the host's /run").doesNotExist();
    }

    @Test
    void symlinkLoop_isRefusedAtStart_namingTheDestination() throws IOException {
        String id = fx.engine.create(RunRequest.builder("links:1").mount(MountFlags.parseTmpfs("/loop1/" + canary))
                .command("true").build());
        assertThatThrownBy(() -> fx.engine.runtime().start(id))
                .isInstanceOf(EngineException.class)
                .hasMessageContaining("mount destination /loop1/" + canary + ": Too many levels of symbolic links");
        assertNothingOnTheHostNamed(canary);
    }

    @Test
    void destinationResolvingToTheRoot_isRefused() {
        String id = fx.engine.create(RunRequest.builder("links:1").mount(MountFlags.parseTmpfs("/climb/.."))
                .command("true").build());
        assertThatThrownBy(() -> fx.engine.runtime().start(id))
                .isInstanceOf(EngineException.class)
                .hasMessageContaining("mount destination /climb/..: resolves to the root of the container's"
                        + " filesystem");
    }

    @Test
    void etcFiles_followAnImagesEtcSymlink_insideTheRoot() throws Exception {
        byte[] layer = new TarWriter().dir("bin", 0755)
                .file("bin/busybox", 0755, Files.readAllBytes(Path.of("/bin/busybox")))
                .symlink("bin/sh", "busybox").symlink("bin/cat", "busybox").symlink("bin/grep", "busybox")
                .dir("srv", 0755).dir("srv/" + canary, 0755)
                .file("srv/" + canary + "/passwd", "root:x:0:0:root:/root:/bin/sh\n")
                .symlink("etc", "../../../../../../../srv/" + canary)
                .toBytes();
        fx.engine.imageStore().importRootfs(new ByteArrayInputStream(layer), "etc-link.tar",
                dev.berth.engine.image.ImageReference.parse("etc-link:1"));
        String id = fx.run(RunRequest.builder("etc-link:1").hostname("inside")
                .command("sh", "-c", "cat /srv/" + canary + "/hostname; grep -c localhost /srv/" + canary + "/hosts;"
                        + " test -f /etc/resolv.conf && echo resolv.conf").build());
        assertThat(fx.output(id)).isEqualTo("inside\n2\nresolv.conf\n");
        assertThat(Path.of("/srv/" + canary)).as("the host's /srv").doesNotExist();
        assertNothingOnTheHostNamed(canary);
    }

    private Path bindSource() throws IOException {
        Path source = Files.createDirectories(fx.base.resolve("bind-source"));
        Files.writeString(source.resolve("marker"), "host\n");
        return source;
    }

    /** A command printing the container's mount points whose path contains {@code name}, sorted. */
    private static String mountPointsNamed(String name) {
        return "awk '$5 ~ /" + name + "/ {print $5}' /proc/self/mountinfo | sort";
    }

    /**
     * The canary must not exist where the symlinks would lead on the host: /etc, /run and every
     * folder from the test's folder up to /.
     */
    private void assertNothingOnTheHostNamed(String name) throws IOException {
        for (Path dir = fx.base; dir != null; dir = dir.getParent()) {
            assertHasNo(dir, name);
        }
        assertHasNo(Path.of("/etc"), name);
        assertHasNo(Path.of("/run"), name);
        assertHasNo(Path.of("/made"), name);
    }

    private void assertHasNo(Path dir, String name) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (var entries = Files.list(dir)) {
            assertThat(entries.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith(name) && !dir.equals(fx.base)))
                    .as("entries named %s in the host's %s", name, dir).isEmpty();
        }
    }
}
