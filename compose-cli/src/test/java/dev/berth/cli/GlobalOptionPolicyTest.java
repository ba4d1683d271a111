package dev.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Global options that a verb cannot honour are refused before it runs, never ignored. */
class GlobalOptionPolicyTest {

    @TempDir
    Path dir;

    private BerthRun berth(String... args) throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), "services:\n  web:\n    image: nginx\n");
        return BerthRun.run(dir, args);
    }

    @Test
    void dryRun_ofAnEngineVerbThatChangesState_isRefusedWith125_beforeTheVerbRuns() throws IOException {
        BerthRun run = berth("--dry-run", "engine", "--data-root", dir.resolve("data").toString(),
                "rm", "--force", "some-container");

        assertThat(run.exitCode()).isEqualTo(125);
        assertThat(run.err().lines().findFirst()).hasValue(
                "berth: --dry-run: \"berth engine rm\" acts on the engine at once and has no dry run;"
                        + " nothing was changed");
        assertThat(dir.resolve("data")).as("the engine was not even opened").doesNotExist();
    }

    @Test
    void dryRun_givenAfterTheVerb_isRefusedToo() throws IOException {
        BerthRun run = berth("engine", "--data-root", dir.resolve("data").toString(), "volume", "create",
                "--dry-run", "v");

        assertThat(run.exitCode()).isEqualTo(125);
        assertThat(run.err()).startsWith("berth: --dry-run: \"berth engine volume create\" acts on the engine");
    }

    @Test
    void dryRun_ofAVerbThatOnlyReads_runsIt() throws IOException {
        BerthRun run = berth("--dry-run", "config", "--services");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("web\n");
    }

    @Test
    void ansiAlways_isRefused_becauseBerthPrintsNoControlCharacters() throws IOException {
        BerthRun run = berth("--ansi", "always", "config", "-q");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines().findFirst()).hasValue("berth: --ansi always: berth prints no colours or other"
                + " control characters yet, so it cannot honour \"always\"; use auto or never");
    }

    @Test
    void ansiNeverAndAuto_hold() throws IOException {
        assertThat(berth("--ansi", "never", "config", "-q").exitCode()).isZero();
        assertThat(berth("--ansi", "auto", "config", "-q").exitCode()).isZero();
    }

    @Test
    void ansi_unknownValue_isAUsageError() throws IOException {
        BerthRun run = berth("--ansi", "sometimes", "config", "-q");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines().findFirst())
                .hasValue("berth: --ansi: \"sometimes\" is not one of never, always, auto");
    }

    @Test
    void progressPlain_isRefused_untilBerthShowsProgress() throws IOException {
        BerthRun run = berth("config", "-q", "--progress", "plain");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines().findFirst()).hasValue("berth: --progress plain: berth shows no progress yet"
                + " (it comes with up, pull and build), so it cannot honour \"plain\"; use auto or quiet");
    }

    @Test
    void progressQuietAndAuto_hold() throws IOException {
        assertThat(berth("--progress", "quiet", "config", "-q").exitCode()).isZero();
        assertThat(berth("--progress", "auto", "config", "-q").exitCode()).isZero();
    }

    @Test
    void progress_unknownValue_underEngine_isAUsageErrorWith125() throws IOException {
        BerthRun run = berth("--progress", "loud", "engine", "--data-root", dir.resolve("data").toString(), "ps");

        assertThat(run.exitCode()).isEqualTo(125);
        assertThat(run.err().lines().findFirst())
                .hasValue("berth: --progress: \"loud\" is not one of auto, tty, plain, json, quiet");
    }
}
