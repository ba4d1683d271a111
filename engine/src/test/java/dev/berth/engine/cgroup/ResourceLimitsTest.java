package dev.berth.engine.cgroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResourceLimitsTest {

    @Test
    void builder_parsesDockerSizesAndCpus() {
        ResourceLimits limits = ResourceLimits.builder().memory("256m").memorySwap("1g")
                .cpus("0.5").build();

        assertThat(limits.memoryBytes()).isEqualTo(268_435_456L);
        assertThat(limits.memorySwapBytes()).isEqualTo(1_073_741_824L);
        assertThat(limits.nanoCpus()).isEqualTo(500_000_000L);
        assertThat(limits.cpuQuotaUs()).isEqualTo(50_000);
    }

    @Test
    void cpus_rejectsText_andTooManyDecimals() {
        assertThatThrownBy(() -> ResourceLimits.builder().cpus("half"))
                .hasMessage("failed to parse half as a rational number");
        assertThatThrownBy(() -> ResourceLimits.builder().cpus("0.0000000001"))
                .hasMessage("value is too precise");
    }

    @Test
    void memory_rejectsNonSizes_withTheRawInput() {
        assertThatThrownBy(() -> ResourceLimits.builder().memory("lots"))
                .hasMessage("invalid size: 'lots'");
    }

    @Test
    void validation_usesDockersMessages() {
        assertThatThrownBy(() -> ResourceLimits.builder().memory("4m").build())
                .hasMessage("Minimum memory limit allowed is 6MB");
        assertThatThrownBy(() -> ResourceLimits.builder().memorySwap("1g").build())
                .hasMessage("You should always set the Memory limit when using Memoryswap limit, see usage");
        assertThatThrownBy(() -> ResourceLimits.builder().memory("1g").memorySwap("512m").build())
                .hasMessage("Minimum memoryswap limit should be larger than memory limit, see usage");
        assertThatThrownBy(() -> ResourceLimits.builder().memoryReservation("1m").build())
                .hasMessage("Minimum memory reservation allowed is 6MB");
        assertThatThrownBy(() -> ResourceLimits.builder().memory("64m").memoryReservation("128m").build())
                .hasMessage("Minimum memory limit can not be less than memory reservation limit, see usage");
        assertThatThrownBy(() -> ResourceLimits.builder().cpusetCpus("0-").build())
                .hasMessage("Invalid value 0- for cpuset cpus");
        assertThatThrownBy(() -> ResourceLimits.builder().cpusetMems("a").build())
                .hasMessage("Invalid value a for cpuset mems");
    }

    @Test
    void requireCpusAvailable_usesDockersRangeMessage() {
        ResourceLimits limits = ResourceLimits.builder().cpus("3").build();

        assertThatThrownBy(() -> limits.requireCpusAvailable(2))
                .hasMessage("Range of CPUs is from 0.01 to 2.00, as there are only 2 CPUs available");
        assertThat(ResourceLimits.builder().cpus("2").build().requireCpusAvailable(2)).isNotNull();
    }

    @Test
    void withDockerSwapDefault_doublesMemory_onlyWhenSwapIsUnset() {
        assertThat(ResourceLimits.builder().memory("256m").build().withDockerSwapDefault().memorySwapBytes())
                .isEqualTo(536_870_912L);
        assertThat(ResourceLimits.builder().memory("256m").memorySwap("-1").build()
                .withDockerSwapDefault().memorySwapBytes()).isEqualTo(-1);
        assertThat(ResourceLimits.NONE.withDockerSwapDefault()).isEqualTo(ResourceLimits.NONE);
    }

    @Test
    void cpuShares_areClampedLikeDocker() {
        assertThat(ResourceLimits.builder().cpuShares(1).build().effectiveCpuShares()).isEqualTo(2);
        assertThat(ResourceLimits.builder().cpuShares(1_000_000).build().effectiveCpuShares()).isEqualTo(262_144);
        assertThat(ResourceLimits.NONE.effectiveCpuShares()).isZero();
    }

    @Test
    void pidsMax_followsRuncRules() {
        assertThat(ResourceLimits.NONE.pidsMax()).isEmpty();
        assertThat(ResourceLimits.builder().pidsLimit(100).build().pidsMax()).isEqualTo(Optional.of("100"));
        assertThat(ResourceLimits.builder().pidsLimit(0).build().pidsMax()).isEqualTo(Optional.of("1"));
        assertThat(ResourceLimits.builder().pidsLimit(-1).build().pidsMax()).isEqualTo(Optional.of("max"));
    }

    @Test
    void dockerPidsLimit_treatsZeroAndMinusOneAsUnlimited() {
        assertThat(ResourceLimits.builder().dockerPidsLimit(0).build().pidsMax()).isEqualTo(Optional.of("max"));
        assertThat(ResourceLimits.builder().dockerPidsLimit(-1).build().pidsMax()).isEqualTo(Optional.of("max"));
        assertThat(ResourceLimits.builder().dockerPidsLimit(50).build().pidsMax()).isEqualTo(Optional.of("50"));
    }

    @Test
    void cpuWeight_mapsSharesWithRuncsCurrentFormula() {
        assertThat(CpuWeight.fromShares(0)).isZero();
        assertThat(CpuWeight.fromShares(2)).isEqualTo(1);
        assertThat(CpuWeight.fromShares(1024)).isEqualTo(100);
        assertThat(CpuWeight.fromShares(262_144)).isEqualTo(10_000);
        assertThat(CpuWeight.fromShares(512)).isEqualTo(
                (long) Math.ceil(Math.pow(10, (81 + 125 * 9) / 612.0 - 7.0 / 34.0)));
    }

    @Test
    void controllersNeeded_namesEachControllerALimitWritesTo() {
        assertThat(ResourceLimits.NONE.controllersNeeded()).isEmpty();
        assertThat(ResourceLimits.builder().memoryReservation("64m").cpuShares(512).cpusetMems("0").pidsLimit(0)
                .build().controllersNeeded()).containsExactly("memory", "cpu", "cpuset", "pids");
    }
}
