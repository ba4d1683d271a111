package dev.berth.cli.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.berth.engine.core.EngineException;
import dev.berth.engine.RunRequest;
import dev.berth.engine.runtime.ContainerLimits;
import dev.berth.engine.runtime.launch.LogOptions;
import dev.berth.engine.volume.MountSpec;
import picocli.CommandLine;

/** {@code berth engine run}'s flags as Docker reads them, turned into a request. */
class RunFlagsTest {

    private static RunCommand parse(String... args) {
        RunCommand run = new RunCommand();
        new CommandLine(run).parseArgs(args);
        return run;
    }

    @Test
    void optionsAfterTheImage_belongToTheCommand() {
        RunCommand run = parse("--rm", "-e", "A=1", "bb", "sh", "-c", "echo hi", "-e", "x");
        assertThat(run.remove).isTrue();
        assertThat(run.image).isEqualTo("bb");
        assertThat(run.command).containsExactly("sh", "-c", "echo hi", "-e", "x");
    }

    @Test
    void limitsVolumesAndLogOptions_becomeTheRequest() {
        RunCommand run = parse("-m", "256m", "--cpus", "0.5", "--pids-limit", "100", "-v", "/host:/in:ro",
                "-v", "named:/data", "--tmpfs", "/run:size=1m", "--log-opt", "max-size=1k", "--log-opt", "max-file=3",
                "-u", "user:staff", "-w", "/tmp", "--stop-signal", "SIGQUIT", "--stop-timeout", "3", "bb");
        RunRequest r = run.flags.toRequest(run.image, run.command);
        assertThat(r.limits()).isEqualTo(new ContainerLimits(256L * 1024 * 1024, 0, 500_000_000L, 100));
        assertThat(r.mounts()).containsExactly(new MountSpec.Bind(Path.of("/host"), "/in", true, true),
                new MountSpec.Volume("named", "/data", false, false),
                new MountSpec.Tmpfs("/run", 1024 * 1024, 01777, false));
        assertThat(r.log()).isEqualTo(new LogOptions(1024, 3));
        assertThat(r.user()).isEqualTo("user:staff");
        assertThat(r.workingDir()).isEqualTo("/tmp");
        assertThat(r.stopSignal()).isEqualTo("SIGQUIT");
        assertThat(r.stopTimeout()).isEqualTo(3);
        assertThat(r.command()).isEmpty();
    }

    @Test
    void badValues_nameTheFlag() {
        RunCommand cpus = parse("--cpus", "half", "bb");
        assertThatThrownBy(() -> cpus.flags.toRequest(cpus.image, List.of()))
                .isInstanceOf(EngineException.class)
                .hasMessage("invalid argument \"half\" for \"--cpus\" flag: failed to parse half as a rational number");
        RunCommand log = parse("--log-opt", "mode=fast", "bb");
        assertThatThrownBy(() -> log.flags.toRequest(log.image, List.of()))
                .hasMessage("unknown log opt 'mode' for json-file log driver");
    }

    @Test
    void envEntriesWithoutAName_reachTheEngine_whichRefusesThem() {
        RunCommand run = parse("-e", "=x", "-e", "", "bb");
        assertThat(run.flags.toRequest(run.image, List.of()).env()).containsExactly("=x", "");
    }
}
