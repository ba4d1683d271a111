package dev.berth.engine.runtime.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CapabilityTest {

    @Test
    void dockerDefaults_giveCapEffA80425fb() {
        assertThat(Capability.mask(Capability.DOCKER_DEFAULTS)).isEqualTo("00000000a80425fb");
    }

    @Test
    void resolve_addsThenDrops_acceptingCapPrefixAndAnyCase() {
        assertThat(Capability.mask(Capability.resolve(List.of("net_admin"), List.of("CAP_MKNOD"))))
                .isEqualTo("00000000a00435fb");
    }

    @Test
    void dropAll_keepsOnlyTheAddedOnes_andAddAll_keepsAllButTheDropped() {
        assertThat(Capability.resolve(List.of("KILL"), List.of("ALL"))).containsExactly(5);
        assertThat(Capability.resolve(List.of("ALL"), List.of("SYS_ADMIN")))
                .hasSize(40).doesNotContain(21).contains(0, 40);
    }

    @Test
    void unknownName_isRefusedWithTheName() {
        assertThatThrownBy(() -> Capability.number("CAP_FLY")).hasMessage("unknown capability: \"CAP_FLY\"");
    }
}
