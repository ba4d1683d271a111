package dev.berth.engine.testing;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The cgroup parent a test made its containers under ({@code berth-it-…}), removed in every hierarchy. */
public final class TestCgroups {

    private static final Path CGROUP_ROOT = Path.of("/sys/fs/cgroup");

    private TestCgroups() {
    }

    /**
     * Removes {@code parent} from every hierarchy it exists in; returns the container cgroups still
     * under it (a leak: each keeps its parent from being removed).
     */
    public static List<Path> removeParent(String parent) throws IOException {
        List<Path> left = new ArrayList<>();
        try (DirectoryStream<Path> controllers = Files.newDirectoryStream(CGROUP_ROOT)) {
            for (Path controller : controllers) {
                Path dir = controller.resolve(parent);
                if (Files.isDirectory(dir)) {
                    List<Path> children;
                    try (Stream<Path> list = Files.list(dir)) {
                        children = list.filter(Files::isDirectory).toList();
                    }
                    left.addAll(children);
                    if (children.isEmpty()) {
                        Files.delete(dir);
                    }
                }
            }
        }
        return left;
    }
}
