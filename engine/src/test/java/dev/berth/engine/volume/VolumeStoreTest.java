package dev.berth.engine.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VolumeStoreTest {

    private static final Instant NOW = Instant.parse("2026-11-29T05:30:00.123456789Z");

    @TempDir
    Path dataRoot;
    private VolumeStore store;

    @BeforeEach
    void setUp() {
        store = new VolumeStore(dataRoot, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void create_makesTheDataDirectory_andWritesTheRecord() {
        VolumeRecord volume = store.create("app_data", Map.of("com.docker.compose.project", "app"),
                Map.of());

        assertThat(volume).isEqualTo(new VolumeRecord("app_data", "local",
                Map.of("com.docker.compose.project", "app"), Map.of(), NOW,
                dataRoot.resolve("volumes/app_data/_data")));
        assertThat(volume.mountpoint()).isEmptyDirectory();
        assertThat(dataRoot.resolve("volumes/app_data/volume.json")).isRegularFile();
        assertThat(dataRoot.resolve("volumes")).isDirectoryNotContaining("glob:**.tmp-*");
    }

    @Test
    void create_returnsTheExistingVolume_forAName_thatExists() {
        VolumeRecord first = store.create("data", Map.of("a", "1"), Map.of());

        VolumeRecord second = new VolumeStore(dataRoot).create("data", Map.of("b", "2"), Map.of());

        assertThat(second).isEqualTo(first);
    }

    @Test
    void create_rejectsNames_withDockersWording() {
        assertThatThrownBy(() -> store.create("a", Map.of(), Map.of()))
                .isInstanceOf(VolumeException.class)
                .hasMessage("volume name is too short, names should be at least two alphanumeric characters");
        assertThatThrownBy(() -> store.create("-data", Map.of(), Map.of()))
                .isInstanceOf(VolumeException.class)
                .hasMessage("\"-data\" includes invalid characters for a local volume name, only"
                        + " \"[a-zA-Z0-9][a-zA-Z0-9_.-]\" are allowed. If you intended to pass a host"
                        + " directory, use absolute path");
        assertThatThrownBy(() -> store.create("../etc", Map.of(), Map.of()))
                .hasMessageStartingWith("\"../etc\" includes invalid characters");
    }

    @Test
    void create_rejectsAnOptionTheLocalDriverDoesNotKnow() {
        assertThatThrownBy(() -> store.create("data", Map.of(), Map.of("colour", "blue")))
                .isInstanceOf(VolumeException.class)
                .hasMessage("create data: invalid option key: \"colour\"");
    }

    @Test
    void createAnonymous_givesA64HexName_andTheAnonymousLabel() {
        VolumeRecord volume = store.createAnonymous(Map.of());

        assertThat(volume.name()).matches("[0-9a-f]{64}");
        assertThat(volume.labels()).containsEntry("com.docker.volume.anonymous", "");
        assertThat(volume.anonymous()).isTrue();
    }

    @Test
    void inspect_failsForAMissingVolume() {
        assertThatThrownBy(() -> store.inspect("nope"))
                .isInstanceOf(NoSuchVolumeException.class)
                .hasMessage("get nope: no such volume");
    }

    @Test
    void list_isSortedByName_andFiltersByLabelAndName() {
        store.create("web_cache", Map.of("tier", "front"), Map.of());
        store.create("db_data", Map.of("tier", "back", "backup", "yes"), Map.of());
        store.create("db_logs", Map.of("tier", "back"), Map.of());

        assertThat(store.list(VolumeFilter.ALL)).extracting(VolumeRecord::name)
                .containsExactly("db_data", "db_logs", "web_cache");
        assertThat(store.list(VolumeFilter.parse(List.of("label=tier=back")))).extracting(VolumeRecord::name)
                .containsExactly("db_data", "db_logs");
        assertThat(store.list(VolumeFilter.parse(List.of("label=backup")))).extracting(VolumeRecord::name)
                .containsExactly("db_data");
        assertThat(store.list(VolumeFilter.parse(List.of("name=logs", "label=tier")))).extracting(VolumeRecord::name)
                .containsExactly("db_logs");
    }

    @Test
    void filter_rejectsAnUnknownTerm() {
        assertThatThrownBy(() -> VolumeFilter.parse(List.of("driver=local")))
                .isInstanceOf(VolumeException.class)
                .hasMessage("invalid filter 'driver=local'");
    }

    @Test
    void remove_isRefused_whileContainersUseTheVolume() {
        store.create("data", Map.of(), Map.of());

        assertThatThrownBy(() -> store.remove("data", name -> List.of("c0ffee", "beef")))
                .isInstanceOf(VolumeInUseException.class)
                .hasMessage("remove data: volume is in use - [c0ffee, beef]");
        assertThat(store.find("data")).isPresent();
    }

    @Test
    void remove_deletesTheVolumeAndItsContent() throws Exception {
        VolumeRecord volume = store.create("data", Map.of(), Map.of());
        Files.createDirectories(volume.mountpoint().resolve("deep/dir"));
        Files.writeString(volume.mountpoint().resolve("deep/dir/file"), "x");

        store.remove("data", VolumeUsage.NONE);

        assertThat(store.find("data")).isEmpty();
        try (var left = Files.list(dataRoot.resolve("volumes"))) {
            assertThat(left.map(p -> p.getFileName().toString())).as("only the store's lock file").containsExactly(".lock");
        }
        assertThatThrownBy(() -> store.remove("data", VolumeUsage.NONE))
                .isInstanceOf(NoSuchVolumeException.class)
                .hasMessage("get data: no such volume");
    }
}
