package dev.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VerbsTest {

    @Test
    void neededBy_isTheNamedVerb_afterGlobalOptionsAndTheirValues() {
        assertThat(Verbs.neededBy("-f", "engine", "--profile", "x", "config", "-q"))
                .containsExactly(Verbs.CONFIG);
        assertThat(Verbs.neededBy("--file=a.yaml", "engine", "run")).containsExactly(Verbs.ENGINE);
    }

    @Test
    void neededBy_isEveryVerb_whenNoneOrAnUnknownOneIsNamed() {
        assertThat(Verbs.neededBy()).isEqualTo(Verbs.ALL);
        assertThat(Verbs.neededBy("--help")).isEqualTo(Verbs.ALL);
        assertThat(Verbs.neededBy("confg")).isEqualTo(Verbs.ALL);
        assertThat(Verbs.neededBy("help", "config")).isEqualTo(Verbs.ALL);
    }

    @Test
    void usage_listsEveryVerb_whenNoVerbIsGiven() {
        BerthRun run = BerthRun.run(java.nio.file.Path.of("."), "--help");

        assertThat(run.out()).contains("config", "version", "engine");
    }

    @Test
    void needExitHooks_onlyForVerbsThatMayLeaveThemWork() {
        assertThat(Verbs.needExitHooks("config", "-q")).isFalse();
        assertThat(Verbs.needExitHooks("-f", "a.yaml", "version")).isFalse();
        assertThat(Verbs.needExitHooks("engine", "image", "ls")).isTrue();
        assertThat(Verbs.needExitHooks("--help")).isTrue();
    }
}
