package dev.berth.cli;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What a run of {@code berth} takes from the process it runs in: the environment, the current and
 * home folders, and standard input. Tests give their own, so a command runs in-process exactly as
 * it would from a shell.
 *
 * @param environment the process environment
 * @param workingDir  the current folder, absolute
 * @param homeDir     what {@code ~} stands for
 * @param stdin       standard input, asked for when a stack file is read from it ({@code -f -});
 *                    the loader reads it within its size limit
 */
public record ProcessContext(Map<String, String> environment, Path workingDir, Path homeDir,
                             Supplier<InputStream> stdin) {

    public ProcessContext {
        environment = Map.copyOf(environment);
        workingDir = workingDir.toAbsolutePath().normalize();
        Objects.requireNonNull(homeDir, "homeDir");
        Objects.requireNonNull(stdin, "stdin");
    }

    /** The context of this JVM: {@link System#getenv()}, {@code user.dir}, {@code user.home}, {@link System#in}. */
    public static ProcessContext current() {
        return new ProcessContext(System.getenv(), Path.of(System.getProperty("user.dir")),
                Path.of(System.getProperty("user.home")), () -> System.in);
    }
}
