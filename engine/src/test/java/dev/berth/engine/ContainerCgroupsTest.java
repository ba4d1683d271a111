package dev.berth.engine;

import dev.berth.engine.core.EngineException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.engine.cgroup.CgroupException;
import dev.berth.engine.cgroup.CgroupFs;
import dev.berth.engine.cgroup.V2CgroupManager;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContainerCgroupsTest {

    @TempDir
    Path root;

    @Test
    void aMissingCgroup_isNoCgroup_butAFailedLookupIsReportedAsItself() throws Exception {
        ContainerCgroups cgroups = new ContainerCgroups(new V2CgroupManager(root, "berth", CgroupFs.KERNEL));
        Files.createDirectories(root.resolve("berth"));
        Files.writeString(root.resolve("berth/broken"), "");

        assertThatThrownBy(() -> cgroups.freeze("gone"))
                .isInstanceOf(EngineException.class)
                .hasMessage("cannot pause container gone: it has no cgroup (is it running?)");
        assertThatThrownBy(() -> cgroups.freeze("broken"))
                .isInstanceOf(CgroupException.class)
                .hasMessage("open cgroup /berth/broken: " + root.resolve("berth/broken") + " is not a folder");
        assertThatThrownBy(() -> cgroups.oomKilled("broken")).isInstanceOf(CgroupException.class);
    }
}
