package dev.berth.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.engine.cgroup.CgroupFs;
import dev.berth.engine.cgroup.CgroupManager;
import dev.berth.engine.cgroup.V1CgroupManager;
import dev.berth.engine.cgroup.V2CgroupManager;
import dev.berth.engine.image.ImageReference;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CAP_MKNOD follows the cgroup manager: kept where a device filter exists (v1 devices), dropped
 * where none does (v2 without an eBPF program). The managers point at empty folders: creating a
 * container touches no cgroup.
 */
class EngineCapabilitiesTest {

    @TempDir
    Path dir;

    private Engine engine(CgroupManager cgroups) throws Exception {
        Engine engine = Engine.open(dir.resolve("data"), cgroups);
        engine.imageStore().importRootfs(new ByteArrayInputStream(EngineFixture.busyboxTar()), "busybox.tar",
                ImageReference.parse("bb"));
        return engine;
    }

    @Test
    void v2WithoutDeviceFilter_dropsMknod() throws Exception {
        Engine engine = engine(new V2CgroupManager(dir.resolve("cgroup2"), "berth-test", CgroupFs.KERNEL));
        String id = engine.create(RunRequest.builder("bb").command("true").build());
        assertThat(engine.runtime().config(id).capDrop()).containsExactly("MKNOD");
    }

    @Test
    void v2_privileged_keepsEverything() throws Exception {
        Engine engine = engine(new V2CgroupManager(dir.resolve("cgroup2"), "berth-test", CgroupFs.KERNEL));
        String id = engine.create(RunRequest.builder("bb").privileged(true).command("true").build());
        assertThat(engine.runtime().config(id).capDrop()).isEmpty();
    }

    @Test
    void v1WithDevicesController_keepsMknod() throws Exception {
        Engine engine = engine(new V1CgroupManager(Map.of("devices", dir.resolve("devices")), "berth-test",
                CgroupFs.KERNEL));
        String id = engine.create(RunRequest.builder("bb").capDrop("NET_RAW").command("true").build());
        assertThat(engine.runtime().config(id).capDrop()).containsExactly("NET_RAW");
    }
}
