package dev.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Runs {@code berth config} on every folder under {@code src/test/resources/golden} and compares
 * with the folder's expectation, written from the Compose specification.
 *
 * <p>A folder holds a runnable {@code compose.yaml} and whatever else it needs, and:
 * <ul>
 *   <li>{@code args} (optional): extra arguments after {@code config}, one per line;</li>
 *   <li>{@code env} (optional): the OS environment of the run, {@code NAME=VALUE} per line (the
 *       run sees no other variable); {@code stdin} (optional): standard input;</li>
 *   <li>{@code workdir} (optional): the subfolder to run in (default: the folder itself);</li>
 *   <li>{@code expected.yaml}: the expected standard output, exit 0. A mapping is compared as YAML
 *       values (so key order and quoting style do not matter, types do); anything else (lists of
 *       names, hashes) line by line;</li>
 *   <li>{@code expected.err}: instead, the exact error line on standard error, exit 1;</li>
 *   <li>{@code expected.warnings} (optional, with {@code expected.yaml}): the exact standard error;
 *       without it standard error must be empty.</li>
 * </ul>
 * Every expected file starts with a comment naming the rule it encodes; the runner requires and
 * strips it. {@code ${FIXTURE}} in expected files stands for the folder's absolute path.
 */
class GoldenConfigTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden").toAbsolutePath();

    @TestFactory
    Stream<DynamicTest> golden() throws IOException {
        List<Path> folders;
        try (Stream<Path> list = Files.list(GOLDEN)) {
            folders = list.filter(Files::isDirectory).sorted().toList();
        }
        assertThat(folders).as("golden fixture folders").isNotEmpty();
        return folders.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> check(f)));
    }

    private static void check(Path folder) throws IOException {
        Path yaml = folder.resolve("expected.yaml");
        Path err = folder.resolve("expected.err");
        if (Files.exists(yaml) == Files.exists(err)) {
            fail(folder.getFileName() + " needs exactly one of expected.yaml and expected.err");
        }
        BerthRun run = BerthRun.run(workdir(folder), environment(folder), optional(folder.resolve("stdin")), args(folder));
        if (Files.exists(err)) {
            assertThat(run.out()).as("standard output").isEmpty();
            assertThat(run.err()).as("standard error").isEqualTo(expected(folder, err) + "\n");
            assertThat(run.exitCode()).as("exit code").isEqualTo(1);
            return;
        }
        assertThat(run.err()).as("standard error").isEqualTo(expectedWarnings(folder));
        assertThat(run.exitCode()).as("exit code").isEqualTo(0);
        String want = expected(folder, yaml);
        Object wanted = parse(want);
        if (wanted instanceof Map<?, ?>) {
            assertThat(parse(run.out())).as("canonical model").isEqualTo(wanted);
        } else {
            assertThat(run.out().lines().toList()).as("output lines").isEqualTo(want.lines().toList());
        }
    }

    private static String expectedWarnings(Path folder) throws IOException {
        Path warnings = folder.resolve("expected.warnings");
        return Files.exists(warnings) ? expected(folder, warnings) + "\n" : "";
    }

    /** The file without its leading comment lines, {@code ${FIXTURE}} replaced, without trailing newlines. */
    private static String expected(Path folder, Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.getFirst().startsWith("# ")) {
            fail(folder.getFileName() + "/" + file.getFileName() + " must start with a comment naming its rule");
        }
        int first = 0;
        while (first < lines.size() && lines.get(first).startsWith("#")) {
            first++;
        }
        return String.join("\n", lines.subList(first, lines.size())).strip()
                .replace("${FIXTURE}", folder.toString());
    }

    private static Object parse(String text) {
        return new Load(LoadSettings.builder().build()).loadFromString(text);
    }

    private static Path workdir(Path folder) throws IOException {
        String sub = optional(folder.resolve("workdir")).strip();
        return sub.isEmpty() ? folder : folder.resolve(sub);
    }

    private static List<String> args(Path folder) throws IOException {
        List<String> args = new ArrayList<>(List.of("config"));
        optional(folder.resolve("args")).lines().filter(l -> !l.isBlank()).forEach(args::add);
        return args;
    }

    private static Map<String, String> environment(Path folder) throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        optional(folder.resolve("env")).lines().filter(l -> l.contains("=")).forEach(l ->
                env.put(l.substring(0, l.indexOf('=')), l.substring(l.indexOf('=') + 1)));
        return env;
    }

    private static String optional(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }
}
