package dev.berth.engine.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RestartPolicyTest {

    @Test
    void parse_readsEachPolicy_andOnFailureWithACount() {
        assertThat(RestartPolicy.parse("")).isEqualTo(RestartPolicy.NO);
        assertThat(RestartPolicy.parse("always")).isEqualTo(new RestartPolicy("always", 0));
        assertThat(RestartPolicy.parse("unless-stopped").restarts()).isTrue();
        assertThat(RestartPolicy.parse("on-failure:5")).isEqualTo(new RestartPolicy("on-failure", 5));
        assertThat(RestartPolicy.parse("on-failure:5")).hasToString("on-failure:5");
    }

    @Test
    void parse_refusesUnknownPolicies_andCountsOnOtherPolicies_inDockersWords() {
        assertThatThrownBy(() -> RestartPolicy.parse("sometimes")).hasMessage("invalid restart policy: unknown"
                + " policy 'sometimes'; use one of: 'no', 'always', 'on-failure', or 'unless-stopped'");
        assertThatThrownBy(() -> RestartPolicy.parse("always:3")).hasMessage("invalid restart policy format:"
                + " maximum retry count can only be used with 'on-failure'");
        assertThatThrownBy(() -> RestartPolicy.parse("on-failure:x")).hasMessage("invalid restart policy format:"
                + " maximum retry count must be an integer");
    }

    @Test
    void healthcheck_over_takesTheImagesTestAndZeroFields_andKnowsDockersDefaults() {
        Healthcheck image = new Healthcheck(List.of("CMD", "true"), Duration.ofSeconds(2), null, null, null, 4);
        Healthcheck own = new Healthcheck(List.of(), null, Duration.ofSeconds(1), null, null, 0);
        Healthcheck merged = own.over(image);
        assertThat(merged).isEqualTo(new Healthcheck(List.of("CMD", "true"), Duration.ofSeconds(2),
                Duration.ofSeconds(1), Duration.ZERO, Duration.ZERO, 4));
        assertThat(merged.effectiveStartInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(own.effectiveRetries()).isEqualTo(3);
        assertThat(new Healthcheck(List.of("NONE"), null, null, null, null, 0).disabled()).isTrue();
    }
}
