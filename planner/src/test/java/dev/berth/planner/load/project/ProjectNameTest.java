package dev.berth.planner.load.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProjectNameTest {

    private static final Path DIR = Path.of("/work/My Project");

    @Test
    void resolve_precedence_flagThenEnvironmentThenModelThenDirectory() {
        assertThat(ProjectName.resolve("flag", "env", "model", DIR)).isEqualTo("flag");
        assertThat(ProjectName.resolve(null, "env", "model", DIR)).isEqualTo("env");
        assertThat(ProjectName.resolve(null, "", "model", DIR)).isEqualTo("model");
        assertThat(ProjectName.resolve(null, null, null, DIR)).isEqualTo("myproject");
    }

    @ParameterizedTest
    @ValueSource(strings = {"MY_PROJECT", "_my_project", "-my_project", "www.my.project"})
    void resolve_flagOrEnvironment_isValidatedNotNormalized(String name) {
        String expected = "invalid project name \"" + name + "\": must consist only of lowercase alphanumeric "
                + "characters, hyphens, and underscores as well as start with a letter or number";
        assertThatThrownBy(() -> ProjectName.resolve(name, null, null, DIR)).hasMessage(expected);
        assertThatThrownBy(() -> ProjectName.resolve(null, name, null, DIR)).hasMessage(expected);
    }

    @Test
    void resolve_modelAndDirectoryNames_areNormalized() {
        assertThat(ProjectName.resolve(null, null, "_My.Project-1", DIR)).isEqualTo("myproject-1");
        assertThat(ProjectName.resolve(null, null, null, Path.of("/x/UNNORMALIZED PATH"))).isEqualTo("unnormalizedpath");
    }

    @Test
    void resolve_nameThatNormalizesToNothing_isError() {
        assertThatThrownBy(() -> ProjectName.resolve(null, null, "__..", DIR))
                .hasMessage("project name must not be empty; set one with -p or a top-level name:");
    }
}
