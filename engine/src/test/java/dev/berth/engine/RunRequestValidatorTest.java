package dev.berth.engine;

import dev.berth.engine.core.EngineException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The create-time checks Docker's daemon makes, with its exact messages. */
class RunRequestValidatorTest {

    @ParameterizedTest
    @ValueSource(strings = {"bad name!", "../../etc", "a/b:c", "a", "-lead", ".hidden", " ", "ü-name", "/x"})
    void name_outsideDockersPattern_isRefused(String name) {
        assertThatThrownBy(() -> RunRequestValidator.checkName(name))
                .isInstanceOf(EngineException.class)
                .hasMessage("Invalid container name (" + name + "), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"web", "my_app.1-x", "/web", "0a", "A.b_c-d"})
    void name_inDockersPattern_isAccepted(String name) {
        assertThatCode(() -> RunRequestValidator.checkName(name)).doesNotThrowAnyException();
    }

    @Test
    void name_isRecordedWithoutTheLeadingSlashDockerAllows() {
        assertThat(RunRequestValidator.normalisedName("/web")).isEqualTo("web");
        assertThat(RunRequestValidator.normalisedName("web")).isEqualTo("web");
        assertThat(RunRequestValidator.normalisedName("")).isNull();
        assertThat(RunRequestValidator.normalisedName(null)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"relative", "./here", "tmp/x", " /lead"})
    void workingDir_thatIsNotAbsolute_isRefused(String dir) {
        assertThatThrownBy(() -> RunRequestValidator.checkWorkingDir(dir))
                .isInstanceOf(EngineException.class)
                .hasMessage("the working directory '" + dir + "' is invalid, it needs to be an absolute path");
    }

    @Test
    void workingDir_absoluteOrUnset_isAccepted() {
        assertThatCode(() -> {
            RunRequestValidator.checkWorkingDir("/srv/app");
            RunRequestValidator.checkWorkingDir("");
            RunRequestValidator.checkWorkingDir(null);
        }).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"=x", "=", ""})
    void env_withoutAName_isRefused(String entry) {
        assertThatThrownBy(() -> RunRequestValidator.checkEnv(entry))
                .isInstanceOf(EngineException.class)
                .hasMessage("invalid environment variable: " + entry);
    }

    @ParameterizedTest
    @ValueSource(strings = {"A=1", "A=", "A", "A==b", "lower.case-name=x"})
    void env_withAName_isAccepted(String entry) {
        assertThatCode(() -> RunRequestValidator.checkEnv(entry)).doesNotThrowAnyException();
    }
}
