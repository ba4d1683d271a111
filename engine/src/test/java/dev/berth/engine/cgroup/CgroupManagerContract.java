package dev.berth.engine.cgroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link CgroupManager} does alike, on a fake cgroup filesystem under {@link #root}:
 * each implementation's test extends this class and adds what is its own.
 */
abstract class CgroupManagerContract {

    @TempDir
    Path root;

    /** The manager under test, with parent {@code berth} and every controller available. */
    abstract CgroupManager manager();

    /** The folder of cgroup {@code name} in the first (or only) hierarchy. */
    abstract Path folder(String name);

    /** A control file under {@link #root}, stripped. */
    String read(String relative) {
        try {
            return Files.readString(root.resolve(relative)).strip();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void create_refusesAnExistingCgroup() {
        manager().create("web-1", ResourceLimits.NONE);

        assertThatThrownBy(() -> manager().create("web-1", ResourceLimits.NONE))
                .isInstanceOf(CgroupException.class)
                .hasMessage("create cgroup /berth/web-1: " + folder("web-1")
                        + " exists already; open it or remove it first");
    }

    @Test
    void create_rejectsANameThatIsNotOnePathElement() {
        assertThatThrownBy(() -> manager().create("../escape", ResourceLimits.NONE))
                .isInstanceOf(CgroupException.class)
                .hasMessage("invalid cgroup name \"../escape\": use letters, digits, '_', '.' and '-',"
                        + " starting with a letter or digit");
    }

    @Test
    void open_findsACreatedCgroup_andFailsForAMissingOne() {
        manager().create("web-1", ResourceLimits.NONE);

        assertThat(manager().open("web-1").name()).isEqualTo("web-1");
        assertThatThrownBy(() -> manager().open("nope"))
                .isInstanceOf(CgroupException.class)
                // v1 names whichever controller's folder it checked first
                .hasMessageStartingWith("open cgroup /berth/nope: ")
                .hasMessageEndingWith("/berth/nope does not exist");
    }

    @Test
    void find_isEmptyOnlyForAnAbsentCgroup_andFailsWhenTheLookupFails() throws IOException {
        manager().create("web-1", ResourceLimits.NONE);
        Files.writeString(folder("broken"), "not a cgroup");

        assertThat(manager().find("web-1")).map(Cgroup::name).contains("web-1");
        assertThat(manager().find("nope")).isEmpty();
        assertThatThrownBy(() -> manager().find("broken"))
                .isInstanceOf(CgroupException.class)
                .hasMessage("open cgroup /berth/broken: " + folder("broken") + " is not a folder");
    }

    @Test
    void remove_refuses_whileAProcessRemains() {
        Cgroup cgroup = manager().create("web-1", ResourceLimits.NONE);
        long self = ProcessHandle.current().pid();
        cgroup.addProcess(self);

        assertThatThrownBy(cgroup::remove)
                .isInstanceOf(CgroupException.class)
                .hasMessage("remove cgroup /berth/web-1: 1 process is still in it (PID " + self
                        + ") after 3s; stop the container or kill them first");
        assertThat(folder("web-1")).isDirectory();
    }
}
