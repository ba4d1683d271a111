package dev.berth.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.engine.cgroup.Cgroups;
import dev.berth.engine.runtime.ContainerInspect;
import dev.berth.engine.runtime.ContainerStatus;
import dev.berth.engine.volume.VolumeFilter;
import dev.berth.engine.volume.VolumeRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Several engine processes on one data root, as {@code berth engine} commands run until the daemon
 * exists: what must be atomic is, across processes, and what a killed process leaves behind is
 * cleaned up by the next one.
 */
class MultiProcessIT {

    @RegisterExtension
    @Order(1)
    final EngineFixture fx = EngineFixture.withBusybox("bb");

    @RegisterExtension
    @Order(2)
    final EngineProcesses processes = new EngineProcesses(fx);

    @Test
    void concurrentRunsAndCreates_ofOneVolume_makeOneVolume_filledFromTheImageOnce() throws Exception {
        List<EngineProcesses.Child> runs = new ArrayList<>();
        List<EngineProcesses.Child> creates = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            runs.add(processes.start("run", "shared"));
            creates.add(processes.start("volume-create", "shared"));
        }
        goTogether(Stream.concat(runs.stream(), creates.stream()).toList());

        List<String> ids = new ArrayList<>();
        List<String> inodes = new ArrayList<>();
        for (EngineProcesses.Child run : runs) {
            String[] result = run.result().split(" ");
            assertThat(result[0]).as("a run: %s", String.join(" ", result)).isEqualTo("ok");
            ids.add(result[1]);
            inodes.add(result[2]);
        }
        List<String> created = new ArrayList<>();
        for (EngineProcesses.Child create : creates) {
            created.add(create.result());
        }
        VolumeRecord volume = fx.engine.volumes().inspect("shared");
        assertThat(created).as("what each volume create returned").containsOnly("ok " + volume.createdAt());
        assertThat(fx.engine.volumes().list(VolumeFilter.ALL)).extracting(VolumeRecord::name).containsExactly("shared");
        assertThat(inodes).as("every run saw the one copy of the image's /data").containsOnly(inodes.getFirst());
        List<String> expected = new ArrayList<>(List.of("seed.txt"));
        for (String id : ids) {
            assertThat(fx.engine.runtime().waitFor(id)).isZero();
            assertThat(fx.engine.runtime().config(id).volumes()).containsExactly("shared");
            expected.add("seen-" + id.substring(0, 12));
        }
        assertThat(names(volume.mountpoint())).as("the volume's content").containsExactlyInAnyOrderElementsOf(expected);
        assertThat(Files.readString(volume.mountpoint().resolve("seed.txt"))).isEqualTo("from image\n");

        for (String id : ids) {
            fx.engine.remove(id, false, true);
        }
        fx.engine.volumes().remove("shared", fx.engine.volumeUsage());
        assertNothingLeft();
    }

    @Test
    void parallelRuns_withOneName_haveOneWinner_andDockersConflictForTheOthers() throws Exception {
        List<EngineProcesses.Child> runs = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            runs.add(processes.start("run-named", "same"));
        }
        goTogether(runs);

        List<String> results = new ArrayList<>();
        for (EngineProcesses.Child run : runs) {
            results.add(run.result());
        }
        List<ContainerInspect> containers = fx.engine.runtime().list();
        assertThat(containers).extracting(ContainerInspect::name).containsExactly("same");
        String winner = containers.getFirst().id();
        assertThat(results).filteredOn(r -> r.startsWith("ok ")).containsExactly("ok " + winner);
        assertThat(results).filteredOn(r -> !r.startsWith("ok ")).hasSize(9).containsOnly("error Conflict."
                + " The container name \"/same\" is already in use by container \"" + winner
                + "\". You have to remove (or rename) that container to be able to reuse that name.");

        fx.engine.runtime().waitFor("same");
        fx.engine.remove("same", false, true);
        assertNothingLeft();
    }

    /**
     * A process that runs {@code run --rm} with a named and an anonymous volume over and over is
     * killed at random moments; after each kill, the next engine process finds every container
     * whole and removes what the killed one was to remove.
     */
    @Test
    void createsKilledAtRandomPoints_leaveNothingTheNextEngineProcessDoesNotCleanUp() throws Exception {
        Random random = new Random();
        for (int round = 0; round < 12; round++) {
            EngineProcesses.Child churn = processes.start("churn", "kept").awaitReady();
            churn.go();
            // picks the moment of the kill; no condition is awaited
            LockSupport.parkNanos(Duration.ofMillis(random.nextInt(600)).toNanos());
            churn.kill();

            Engine next = Engine.open(fx.dataRoot, Cgroups.detect(fx.cgroupParent));
            for (ContainerInspect c : next.runtime().list()) {
                // only a container still running when its client died may remain, until it ends
                assertThat(c.status()).as("round %d: container %s", round, c.id()).isEqualTo(ContainerStatus.RUNNING);
                next.runtime().waitFor(c.id());
            }
            Engine after = Engine.open(fx.dataRoot, Cgroups.detect(fx.cgroupParent));
            assertThat(after.runtime().list()).as("round %d: containers", round).isEmpty();
            assertThat(names(fx.dataRoot.resolve("containers"))).as("round %d: container folders", round)
                    .containsExactly(".lock");
            assertThat(after.volumes().list(VolumeFilter.ALL)).extracting(VolumeRecord::name)
                    .as("round %d: volumes", round).isSubsetOf("kept");
            assertThat(names(fx.dataRoot.resolve("volumes"))).as("round %d: volume folders", round)
                    .isSubsetOf(".lock", "kept");
            if (Files.exists(fx.dataRoot.resolve("volumes/kept"))) {
                assertThat(names(fx.dataRoot.resolve("volumes/kept"))).containsExactlyInAnyOrder("_data", "volume.json");
                assertThat(names(fx.dataRoot.resolve("volumes/kept/_data"))).isSubsetOf("seed.txt");
            }
        }
        fx.engine.volumes().remove("kept", fx.engine.volumeUsage());
        assertNothingLeft();
    }

    private static void goTogether(List<EngineProcesses.Child> children) throws Exception {
        for (EngineProcesses.Child c : children) {
            c.awaitReady();
        }
        for (EngineProcesses.Child c : children) {
            c.go();
        }
    }

    private void assertNothingLeft() throws Exception {
        assertThat(fx.engine.runtime().list()).isEmpty();
        assertThat(fx.engine.volumes().list(VolumeFilter.ALL)).isEmpty();
        assertThat(names(fx.dataRoot.resolve("containers"))).containsExactly(".lock");
        assertThat(names(fx.dataRoot.resolve("volumes"))).isSubsetOf(".lock");
    }

    /** The names in a folder, sorted; none when it does not exist. */
    private static List<String> names(Path dir) throws Exception {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
