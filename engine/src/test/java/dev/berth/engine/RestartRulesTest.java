package dev.berth.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.engine.core.RestartPolicy;
import org.junit.jupiter.api.Test;

class RestartRulesTest {

    private static RestartPolicy policy(String text) {
        return RestartPolicy.parse(text);
    }

    @Test
    void afterExit_no_neverRestarts() {
        assertThat(RestartRules.afterExit(policy("no"), 1, 0, false)).isFalse();
        assertThat(RestartRules.afterExit(policy("no"), 0, 0, false)).isFalse();
    }

    @Test
    void afterExit_alwaysAndUnlessStopped_restartOnAnyExit_unlessStoppedByUser() {
        for (String name : new String[] {"always", "unless-stopped"}) {
            assertThat(RestartRules.afterExit(policy(name), 0, 7, false)).as(name).isTrue();
            assertThat(RestartRules.afterExit(policy(name), 137, 0, false)).as(name).isTrue();
            assertThat(RestartRules.afterExit(policy(name), 137, 0, true)).as(name).isFalse();
        }
    }

    @Test
    void afterExit_onFailure_restartsOnNonZeroExit_untilTheCountReachesItsLimit() {
        assertThat(RestartRules.afterExit(policy("on-failure:2"), 0, 0, false)).isFalse();
        assertThat(RestartRules.afterExit(policy("on-failure:2"), 1, 0, false)).isTrue();
        assertThat(RestartRules.afterExit(policy("on-failure:2"), 1, 1, false)).isTrue();
        assertThat(RestartRules.afterExit(policy("on-failure:2"), 1, 2, false)).isFalse();
        assertThat(RestartRules.afterExit(policy("on-failure"), 3, 1000, false)).isTrue();
        assertThat(RestartRules.afterExit(policy("on-failure"), 3, 0, true)).isFalse();
    }

    @Test
    void atDaemonStart_always_evenWhenStoppedByUser_unlessStopped_onlyWhenNot() {
        assertThat(RestartRules.atDaemonStart(policy("always"), true, true, false)).isTrue();
        assertThat(RestartRules.atDaemonStart(policy("unless-stopped"), true, false, false)).isTrue();
        assertThat(RestartRules.atDaemonStart(policy("unless-stopped"), true, true, false)).isFalse();
    }

    @Test
    void atDaemonStart_leavesNeverStartedContainers_andNoPolicy_alone() {
        assertThat(RestartRules.atDaemonStart(policy("always"), false, false, false)).isFalse();
        assertThat(RestartRules.atDaemonStart(policy("no"), true, false, true)).isFalse();
        assertThat(RestartRules.atDaemonStart(policy("on-failure:3"), true, false, false)).isFalse();
    }

    @Test
    void atDaemonStart_makesARestartDecidedBeforeTheDaemonStopped() {
        assertThat(RestartRules.atDaemonStart(policy("on-failure:3"), true, false, true)).isTrue();
        assertThat(RestartRules.atDaemonStart(policy("on-failure:3"), true, true, true)).isFalse();
    }
}
