package dev.berth.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.engine.RunRequest;
import dev.berth.engine.VolumeView;
import dev.berth.engine.testing.BusyboxRootfs;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code docker volume prune} and {@code docker system df} against the engine's routes. */
class DiskUsageIT {

    @RegisterExtension
    final EngineApiFixture fx = new EngineApiFixture();

    private void importBusybox() throws Exception {
        fx.engine.importImage(new ByteArrayInputStream(BusyboxRootfs.tar()), "busybox.tar", "busybox");
    }

    /** An anonymous volume left behind by a container removed without -v. */
    private String leftAnonymousVolume() {
        String id = fx.engine.create(RunRequest.builder("busybox").command("true").volume("/scratch").build());
        String volume = fx.engine.inspect(id).mounts().getFirst().name();
        fx.engine.remove(id, true, false);
        return volume;
    }

    @Test
    void volumePrune_removesUnusedAnonymousVolumes_andWithAllNamedOnesToo() throws Exception {
        importBusybox();
        String anonymous = leftAnonymousVolume();
        fx.docker("volume", "create", "named-unused");
        fx.docker("volume", "create", "named-used");
        fx.engine.create(RunRequest.builder("busybox").command("true").volume("named-used:/data").build());
        Files.writeString(Path.of(fx.engine.inspectVolume(anonymous).mountpoint(), "junk"), "x".repeat(1000));

        String pruned = fx.docker("volume", "prune", "-f");

        assertThat(pruned).startsWith("Deleted Volumes:\n" + anonymous + "\n").contains("Total reclaimed space: 1kB");
        assertThat(lines(fx.docker("volume", "ls", "-q"))).containsExactlyInAnyOrder("named-unused", "named-used");

        assertThat(fx.docker("volume", "prune", "-a", "-f")).startsWith("Deleted Volumes:\nnamed-unused\n");
        assertThat(lines(fx.docker("volume", "ls", "-q"))).containsExactly("named-used");
    }

    @Test
    void volumePrune_withLabelFilters_removesOnlyTheVolumesTheyPick() throws Exception {
        fx.docker("volume", "create", "--label", "team=x", "vx");
        fx.docker("volume", "create", "--label", "team=y", "vy");
        fx.docker("volume", "create", "plain");

        assertThat(fx.docker("volume", "prune", "-a", "-f", "--filter", "label=team=x"))
                .startsWith("Deleted Volumes:\nvx\n");
        assertThat(fx.docker("volume", "prune", "-a", "-f", "--filter", "label!=team"))
                .startsWith("Deleted Volumes:\nplain\n");
        assertThat(lines(fx.docker("volume", "ls", "-q"))).containsExactly("vy");
    }

    @Test
    void volumePrune_beforeApi142_takesNamedVolumesWithoutAll() throws Exception {
        fx.docker("volume", "create", "old-style");

        String answer = UnixHttp.exchange(fx.socket, "POST", "/v1.41/volumes/prune", null);

        assertThat(answer).startsWith("HTTP/1.1 200 OK\r\n").contains("\"VolumesDeleted\":[\"old-style\"]");
    }

    @Test
    void systemDf_countsImagesContainersAndVolumes_withTheirUse() throws Exception {
        importBusybox();
        VolumeView data = fx.engine.createVolume("data", Map.of(), Map.of());
        Files.writeString(Path.of(data.mountpoint(), "payload"), "y".repeat(5000));
        fx.engine.create(RunRequest.builder("busybox").command("true").volume("data:/data").build());
        fx.docker("volume", "create", "idle");

        assertThat(lines(fx.docker("system", "df", "--format", "{{.Type}} {{.TotalCount}} {{.Active}}")))
                .containsExactly("Images 1 1", "Containers 1 0", "Local Volumes 2 1", "Build Cache 0 0");
        String verbose = fx.docker("system", "df", "-v");
        assertThat(verbose).contains("busybox").containsPattern("data\\s+1\\s+5kB").containsPattern("idle\\s+0\\s+0B");
    }

    private static List<String> lines(String output) {
        return output.lines().toList();
    }
}
