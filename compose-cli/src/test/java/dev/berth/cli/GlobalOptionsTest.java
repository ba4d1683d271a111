package dev.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class GlobalOptionsTest {

    private static final ProcessContext PROCESS =
            new ProcessContext(Map.of(), Path.of("/work"), Path.of("/home/user"), InputStream::nullInputStream);

    private static GlobalOptions parsed(String... args) {
        CommandLine cli = BerthCommand.commandLine(PROCESS, args);
        cli.parseArgs(args);
        return ((BerthCommand) cli.getCommand()).global();
    }

    private static final GlobalOptions ALL_GIVEN = new GlobalOptions(List.of("a.yaml", "b.yaml"), "shop",
            Path.of("dir"), List.of(Path.of("one.env"), Path.of("two.env")), List.of("dev"), "never", "plain", true,
            true);

    private static final String[] ALL_OPTIONS = {"-f", "a.yaml", "--file", "b.yaml", "-p", "shop",
        "--project-directory", "dir", "--env-file", "one.env", "--env-file", "two.env", "--profile", "dev",
        "--ansi", "never", "--progress", "plain", "--dry-run", "--debug"};

    @Test
    void global_givenBeforeTheVerb_areReadFromTheRootCommand() {
        List<String> args = new ArrayList<>(List.of(ALL_OPTIONS));
        args.addAll(List.of("config", "-q"));

        assertThat(parsed(args.toArray(String[]::new))).isEqualTo(ALL_GIVEN);
    }

    @Test
    void global_givenAfterTheVerb_areReadFromTheRootCommand() {
        List<String> args = new ArrayList<>(List.of("config", "-q"));
        args.addAll(List.of(ALL_OPTIONS));

        assertThat(parsed(args.toArray(String[]::new))).isEqualTo(ALL_GIVEN);
    }

    @Test
    void global_notGiven_areEmptyOrTheirDefaults() {
        assertThat(parsed("config", "-q"))
                .isEqualTo(new GlobalOptions(List.of(), null, null, List.of(), List.of(), "auto", "auto", false, false));
    }

    @Test
    void global_repeatableGivenBeforeAndAfterTheVerb_addUpInOrder() {
        GlobalOptions global = parsed("-f", "a.yaml", "--profile", "x", "config", "-f", "b.yaml", "-q",
                "--env-file", "one.env", "-f", "c.yaml", "--profile", "y");

        assertThat(global.files()).containsExactly("a.yaml", "b.yaml", "c.yaml");
        assertThat(global.profiles()).containsExactly("x", "y");
        assertThat(global.envFiles()).containsExactly(Path.of("one.env"));
    }

    @Test
    void global_repeatable_startEmptyForEachRun() {
        assertThat(parsed("-f", "a.yaml", "config").files()).containsExactly("a.yaml");
        assertThat(parsed("config", "-f", "b.yaml").files()).containsExactly("b.yaml");
    }
}
