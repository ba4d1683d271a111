package dev.berth.engine.runtime;

import dev.berth.engine.core.LogEntry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.engine.core.EngineException;
import dev.berth.engine.layer.Trees;
import dev.berth.engine.runtime.launch.Mount;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;

/**
 * Random chains of symlinks (absolute, relative, {@code ..}-laden, loops) in a generated root
 * filesystem, and a bind mount at a random destination through them: the mount lands exactly where
 * a resolver that never leaves the root says (the model below), or the start is refused when that
 * resolver meets a loop or the root itself; and no entry with the try's names appears on the host
 * outside the container's root (in / or any folder above the root filesystem).
 */
class MountDestinationFuzzIT {

    /** Words of paths and symlink targets: four names (prefixed per run), "..", ".". */
    private static final int NAMES = 4;
    private static final int DOTDOT = 4;
    private static final int DOT = 5;
    private static final int MAX_SYMLINKS = 40;

    /** One entry of the generated layer: a folder, or a symlink to {@code target}. */
    record Node(List<Integer> path, boolean link, boolean absolute, List<Integer> target) {
    }

    private Path base;
    private Path busybox;
    private ContainerRuntime runtime;
    private String prefix;

    @BeforeProperty
    void setUp() throws IOException, InterruptedException {
        base = Files.createTempDirectory("berth-fuzz-");
        busybox = BusyboxRootfs.create(Files.createDirectories(base.resolve("busybox")));
        runtime = new ContainerRuntime(Files.createDirectories(base.resolve("data")));
        byte[] random = new byte[3];
        new SecureRandom().nextBytes(random);
        prefix = "bz" + HexFormat.of().formatHex(random);
    }

    @AfterProperty
    void tearDown() throws IOException {
        for (ContainerInspect c : runtime.list()) {
            runtime.remove(c.id(), true);
        }
        assertThat(Files.readString(Path.of("/proc/self/mountinfo"))).doesNotContain(base.toString());
        Trees.deleteRecursively(base);
    }

    @Property(tries = 120)
    void bindMount_landsWhereTheInRootResolverSays_andNothingAppearsOutsideTheRoot(
            @ForAll("layers") List<Node> nodes, @ForAll("destinations") List<Integer> destinationWords)
            throws IOException {
        Path tryDir = Files.createTempDirectory(base, "try-");
        Map<String, String> links = writeLayer(Files.createDirectory(tryDir.resolve("layer")), nodes);
        Path source = Files.createDirectory(tryDir.resolve("source"));
        Files.writeString(source.resolve("marker"), "mounted\n");
        String destination = "/" + words(destinationWords);
        String expected = resolveInRoot(links, destination);
        String description = "layer " + links + ", destination " + destination + ", model " + expected;

        String id = runtime.create(CreateOptions.builder(List.of(tryDir.resolve("layer"), busybox))
                .mount(new Mount.Bind(source, destination, false))
                .command("sh", "-c", "cat \"$0/marker\"; awk '$5 ~ /" + prefix + "/ {print $5}' /proc/self/mountinfo",
                        expected)
                .build());
        Path rootfs = new ContainerStore(base.resolve("data")).dir(id).resolve("rootfs");
        try {
            if (expected.startsWith("error: ")) {
                assertThatThrownBy(() -> runtime.start(id)).as(description)
                        .isInstanceOf(EngineException.class)
                        .hasMessageContaining("mount destination " + destination + ": " + expected.substring(7));
            } else {
                runtime.start(id);
                runtime.waitFor(id);
                String output = runtime.logs(id).stream().map(LogEntry::log).collect(Collectors.joining());
                assertThat(output).as(description).isEqualTo("mounted\n" + expected + "\n");
            }
        } finally {
            runtime.remove(id, true);
        }
        assertNoEntryOnTheHost(rootfs, description);
        Trees.deleteRecursively(tryDir);
    }

    @Provide
    Arbitrary<List<Node>> layers() {
        Arbitrary<List<Integer>> path = Arbitraries.integers().between(0, NAMES - 1).list().ofMinSize(1).ofMaxSize(3);
        Arbitrary<List<Integer>> target = Arbitraries.integers().between(0, DOT).list().ofMinSize(0).ofMaxSize(5);
        Arbitrary<Node> node = Combinators.combine(path, Arbitraries.of(true, false), Arbitraries.of(true, false),
                target).as(Node::new);
        return node.list().ofMinSize(1).ofMaxSize(8);
    }

    @Provide
    Arbitrary<List<Integer>> destinations() {
        return Arbitraries.integers().between(0, DOT).list().ofMinSize(1).ofMaxSize(5);
    }

    /** Creates the folders and symlinks of {@code nodes} (skipping those under a symlink); returns the symlinks. */
    private Map<String, String> writeLayer(Path layer, List<Node> nodes) throws IOException {
        Map<String, String> links = new LinkedHashMap<>();
        for (Node node : nodes) {
            String path = words(node.path());
            Path host = layer.resolve(path);
            boolean underLink = false;
            for (Path p = host.getParent(); !p.equals(layer); p = p.getParent()) {
                underLink |= Files.isSymbolicLink(p) || Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS);
            }
            if (underLink || Files.exists(host, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            Files.createDirectories(host.getParent());
            if (node.link()) {
                String target = (node.absolute() ? "/" : "") + words(node.target());
                if (target.isEmpty()) {
                    target = ".";
                }
                Files.createSymbolicLink(host, Path.of(target));
                links.put("/" + path, target);
            } else {
                Files.createDirectory(host);
            }
        }
        return links;
    }

    /**
     * The model: where a container path leads inside the root, making missing folders, following
     * symlinks relative to the root, {@code ..} stopping at it; "error: ..." where the launcher
     * must refuse.
     */
    static String resolveInRoot(Map<String, String> links, String path) {
        Deque<String> pending = new ArrayDeque<>(components(path));
        List<String> current = new ArrayList<>();
        int followed = 0;
        while (!pending.isEmpty()) {
            String name = pending.removeFirst();
            if (name.equals(".")) {
                continue;
            }
            if (name.equals("..")) {
                if (!current.isEmpty()) {
                    current.removeLast();
                }
                continue;
            }
            current.add(name);
            String target = links.get("/" + String.join("/", current));
            if (target != null) {
                if (++followed > MAX_SYMLINKS) {
                    return "error: Too many levels of symbolic links";
                }
                current.removeLast();
                if (target.startsWith("/")) {
                    current.clear();
                }
                List<String> parts = components(target);
                for (int i = parts.size() - 1; i >= 0; i--) {
                    pending.addFirst(parts.get(i));
                }
            }
        }
        return current.isEmpty() ? "error: resolves to the root of the container's filesystem"
                : "/" + String.join("/", current);
    }

    private static List<String> components(String path) {
        return Stream.of(path.split("/")).filter(p -> !p.isEmpty()).toList();
    }

    private String words(List<Integer> indexes) {
        return indexes.stream().map(i -> switch (i) {
            case DOTDOT -> "..";
            case DOT -> ".";
            default -> prefix + (char) ('a' + i);
        }).collect(Collectors.joining("/"));
    }

    /** No folder from the container's root filesystem up to / (nor /) holds an entry named with this run's prefix. */
    private void assertNoEntryOnTheHost(Path rootfs, String description) throws IOException {
        List<Path> folders = new ArrayList<>();
        for (Path dir = rootfs.getParent(); dir != null; dir = dir.getParent()) {
            folders.add(dir);
        }
        for (Path dir = base.resolve("busybox"); dir != null; dir = dir.getParent()) {
            folders.add(dir);
        }
        for (Path dir : folders) {
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            try (Stream<Path> entries = Files.list(dir)) {
                assertThat(entries.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(prefix)))
                        .as("entries named %s* in the host's %s (%s)", prefix, dir, description).isEmpty();
            }
        }
    }
}
