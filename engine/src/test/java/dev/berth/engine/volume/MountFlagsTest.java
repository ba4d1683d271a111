package dev.berth.engine.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MountFlagsTest {

    @TempDir
    Path temp;

    @Test
    void volumeFlag_withAnAbsoluteSource_isABindThatMayCreateItsSource() {
        assertThat(MountFlags.parseVolume("/srv/www:/usr/share/www:ro"))
                .isEqualTo(new MountSpec.Bind(Path.of("/srv/www"), "/usr/share/www", true, true));
    }

    @Test
    void volumeFlag_withAName_isANamedVolume() {
        assertThat(MountFlags.parseVolume("db_data:/var/lib/db:nocopy"))
                .isEqualTo(new MountSpec.Volume("db_data", "/var/lib/db", false, true));
    }

    @Test
    void volumeFlag_withOnlyATarget_isAnAnonymousVolume() {
        MountSpec spec = MountFlags.parseVolume("/cache");

        assertThat(spec).isInstanceOfSatisfying(MountSpec.Volume.class, v -> assertThat(v.anonymous()).isTrue());
    }

    @Test
    void volumeFlag_rejectsBadSpecs_withDockersWording() {
        assertThatThrownBy(() -> MountFlags.parseVolume("data:/x:sideways"))
                .hasMessage("invalid volume specification: 'data:/x:sideways'");
        assertThatThrownBy(() -> MountFlags.parseVolume("data:relative"))
                .hasMessage("invalid mount config for type \"volume\": invalid mount path: 'relative'"
                        + " mount path must be absolute");
        assertThatThrownBy(() -> MountFlags.parseVolume("/a:/"))
                .hasMessage("invalid mount config for type \"bind\": invalid specification: destination can't be '/'");
    }

    @Test
    void tmpfsFlag_parsesSizeAndMode_intoMountOptions() {
        MountSpec.Tmpfs tmpfs = MountFlags.parseTmpfs("/run:size=64m,mode=1770");

        assertThat(tmpfs).isEqualTo(new MountSpec.Tmpfs("/run", 64L << 20, 01770, false));
        assertThat(tmpfs.options()).isEqualTo("rw,nosuid,nodev,noexec,size=65536k,mode=1770");
        assertThat(MountFlags.parseTmpfs("/tmp").options()).isEqualTo("rw,nosuid,nodev,noexec,mode=1777");
    }

    @Test
    void tmpfsFlag_rejectsUnknownOptions() {
        assertThatThrownBy(() -> MountFlags.parseTmpfs("/run:exec"))
                .hasMessage("invalid tmpfs option \"exec\" in '/run:exec': use size=, mode=, ro or rw");
        assertThatThrownBy(() -> MountFlags.parseTmpfs("/run:size=big"))
                .hasMessage("invalid tmpfs option \"size=big\" in '/run:size=big': invalid size: 'big'");
    }

    @Test
    void planBind_createsAMissingSource_onlyWhenAsked() {
        MountPlanner planner = new MountPlanner(new VolumeStore(temp.resolve("root")));
        Path missing = temp.resolve("host/dir");

        assertThatThrownBy(() -> planner.planBind(new MountSpec.Bind(missing, "/data", false, false)))
                .hasMessage("invalid mount config for type \"bind\": bind source path does not exist: " + missing);
        assertThat(planner.planBind(new MountSpec.Bind(missing, "/data", true, true)))
                .isEqualTo(new MountPlanner.PlannedBind(missing, "/data", true, ""));
        assertThat(missing).isDirectory();
    }

    @Test
    void planVolume_fillsANewVolumeFromTheImage_once() throws Exception {
        VolumeStore store = new VolumeStore(temp.resolve("root"));
        MountPlanner planner = new MountPlanner(store);
        Path image = Files.createDirectories(temp.resolve("rootfs/etc/app"));
        Files.writeString(image.resolve("app.conf"), "port=80\n");

        MountPlanner.PlannedBind first = planner.planVolume(
                new MountSpec.Volume("conf", "/etc/app", false, false), image, Map.of());
        Files.writeString(first.hostPath().resolve("app.conf"), "port=8080\n");
        MountPlanner.PlannedBind second = planner.planVolume(
                new MountSpec.Volume("conf", "/etc/app", true, false), image, Map.of());

        assertThat(second.hostPath()).isEqualTo(first.hostPath());
        assertThat(second.volumeName()).isEqualTo("conf");
        assertThat(Files.readString(second.hostPath().resolve("app.conf"))).isEqualTo("port=8080\n");
    }
}
