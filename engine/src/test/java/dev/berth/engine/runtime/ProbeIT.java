package dev.berth.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.engine.runtime.launch.Mount;
import dev.berth.engine.testing.TestResources;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Runs {@code probe/probe.sh} in a default container and compares its normalised output with
 * {@code probe/golden-default.txt}. The golden file matches reference/isolation.md sections
 * 1.1-1.2 for what this runtime controls; where Docker differs today it is because cgroups
 * (/sys/fs/cgroup is an empty tmpfs here: the engine binds the container's hierarchies, see
 * EngineIT), generated /etc files and the bridge network (only lo) come from other parts.
 */
class ProbeIT {

    @RegisterExtension
    final RuntimeFixture fx = new RuntimeFixture();

    @Test
    void probe_printsDockersFacts() throws Exception {
        Path probe = fx.base.resolve("probe.sh");
        Files.writeString(probe, TestResources.text("probe/probe.sh"));
        String id = fx.run(fx.options("sh", "/probe.sh").hostname("probe")
                .mount(new Mount.Bind(probe, "/probe.sh", true)).build());
        String hard = Long.toString(Math.min(524288, LinuxDefaults.hostNofileHard()));
        String normalised = fx.output(id).replace("nofile 1024 " + hard + "\n", "nofile 1024 HARD\n");
        assertThat(normalised).isEqualTo(TestResources.text("probe/golden-default.txt"));
    }
}
