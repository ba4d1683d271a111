package dev.berth.planner.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.berth.planner.tree.MapNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtendsTest {

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, content);
    }

    private final RecordingStages stages = new RecordingStages();

    private LoadResult load() {
        return new ProjectLoader(stages).load(LoadOptions.defaults(dir, Map.of(), dir));
    }

    private static Object service(LoadResult result, String name) {
        return ((MapNode) ((MapNode) result.model().get("services")).get(name)).toPlain();
    }

    @Test
    void extends_sameFile_mergedWithMergeRules_extendingServiceWins() throws IOException {
        write("compose.yaml", """
                services:
                  base:
                    image: base
                    command: [a, b]
                    environment: {A: '1', B: '1'}
                    ports: [{target: 80, published: "8080", protocol: tcp}]
                  web:
                    extends: base
                    command: [c]
                    environment: {B: '2'}
                    ports: [{target: 443, published: "8443", protocol: tcp}]
                """);
        assertThat(service(load(), "web")).isEqualTo(Map.of("image", "base", "command", List.of("c"),
                "environment", Map.of("A", "1", "B", "2"),
                "ports", List.of(Map.of("target", 80L, "published", "8080", "protocol", "tcp"),
                        Map.of("target", 443L, "published", "8443", "protocol", "tcp"))));
    }

    @Test
    void extends_otherFile_relativeToExtendingFile_andRecursive() throws IOException {
        write("common/base.yaml", """
                services:
                  root: {image: root, init: true}
                  mid: {extends: root, tty: true}
                """);
        write("compose.yaml", """
                services:
                  web:
                    extends: {service: mid, file: common/base.yaml}
                    image: web
                """);
        assertThat(service(load(), "web")).isEqualTo(Map.of("image", "web", "init", true, "tty", true));
        assertThat(stages.calls).contains("canonicalize common");
    }

    @Test
    void extends_chainInSameFile_isResolvedRecursively() throws IOException {
        write("compose.yaml", """
                services:
                  a: {image: a, init: true}
                  b: {extends: {service: a}, tty: true}
                  c: {extends: b, privileged: true}
                """);
        assertThat(service(load(), "c")).isEqualTo(Map.of("image", "a", "init", true, "tty", true, "privileged", true));
    }

    @Test
    void extends_cycle_isReportedWithItsChain_atTheExtendsThatClosesIt() throws IOException {
        Path f = write("compose.yaml", """
                services:
                  a: {image: x, extends: b}
                  b: {extends: c}
                  c: {extends: a}
                """);
        assertThatThrownBy(this::load)
                .hasMessage(f + ":4:16: circular reference with extends: a -> b -> c -> a");
    }

    @Test
    void extends_cycleAcrossFiles_namesTheOtherFile() throws IOException {
        Path other = write("other.yaml", "services:\n  b: {extends: {service: a, file: compose.yaml}}\n");
        write("compose.yaml", "services:\n  a: {extends: {service: b, file: other.yaml}}\n");
        assertThatThrownBy(this::load)
                .hasMessage(other + ":2:16: circular reference with extends: a -> b (" + other + ") -> a");
    }

    @Test
    void extends_missingService_isComposeError() throws IOException {
        Path f = write("compose.yaml", "services:\n  a: {image: x, extends: nope}\n");
        assertThatThrownBy(this::load)
                .hasMessage(f + ":2:26: cannot extend service \"a\" in " + f + ": service \"nope\" not found");
    }

    @Test
    void extends_missingServiceInOtherFile_namesThatFile() throws IOException {
        Path other = write("other.yaml", "services:\n  b: {image: x}\n");
        Path f = write("compose.yaml", "services:\n  a: {extends: {service: c, file: other.yaml}}\n");
        assertThatThrownBy(this::load)
                .hasMessage(f + ":2:16: cannot extend service \"a\" in " + other + ": service \"c\" not found");
    }

    @Test
    void extends_resetInExtendingService_removesInheritedValue() throws IOException {
        write("compose.yaml", """
                services:
                  base: {image: x, ports: [{target: 80}]}
                  web: {extends: base, ports: !reset []}
                """);
        assertThat(service(load(), "web")).isEqualTo(Map.of("image", "x"));
    }

    /** Services s1 ... s{@code length}, each extending the one before, s0 holding the image. */
    private void chain(int length) throws IOException {
        StringBuilder yaml = new StringBuilder("services:\n  s0: {image: base, labels: {from: s0}}\n");
        for (int i = 1; i <= length; i++) {
            yaml.append("  s").append(i).append(": {extends: s").append(i - 1).append("}\n");
        }
        write("compose.yaml", yaml.toString());
    }

    /** Took 5 s at 1,000 (every service walked the chain again): a regression shows as a hang here. */
    @Test
    void extends_chainOfAThousand_loads() throws IOException {
        chain(1000);
        assertThat(service(load(), "s1000")).isEqualTo(Map.of("image", "base", "labels", Map.of("from", "s0")));
    }

    /** Overflowed the stack at 3,000 when each step was a recursive call. */
    @Test
    void extends_chainOfTenThousand_loadsWithoutOverflowingTheStack() throws IOException {
        chain(10_000);
        assertThat(service(load(), "s10000")).isEqualTo(Map.of("image", "base", "labels", Map.of("from", "s0")));
    }

    @Test
    void extends_fileThatIsAFolder_saysSo() throws IOException {
        Files.createDirectory(dir.resolve("base.yaml"));
        Path f = write("compose.yaml", "services:\n  a: {extends: {service: b, file: base.yaml}}\n");
        assertThatThrownBy(this::load)
                .hasMessage(f + ":2:35: extends of service \"a\": cannot read file \"base.yaml\" ("
                        + dir.resolve("base.yaml") + "): is a folder, not a file");
    }
}
