package dev.berth.engine.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A small C program from the test resources, built with {@code gcc -static} so that it runs in a
 * busybox image without a C library (testing.md: where busybox has no applet for it).
 */
public final class StaticProbe {

    private StaticProbe() {
    }

    /**
     * Builds the C source {@code resource} into {@code output}; fails the test with the compiler's
     * output when gcc cannot build it.
     *
     * @param flags further compiler flags, such as {@code -m32} (which needs Debian's gcc-multilib)
     */
    public static Path build(String resource, Path output, String... flags) throws IOException, InterruptedException {
        String out = tryBuild(resource, output, flags);
        assertThat(out).as("gcc -static %s %s", String.join(" ", flags), resource).isNull();
        return output;
    }

    /** As {@link #build}, returning the compiler's output when it fails, null when it built. */
    public static String tryBuild(String resource, Path output, String... flags) throws IOException, InterruptedException {
        Path source = output.resolveSibling(output.getFileName() + ".c");
        Files.writeString(source, TestResources.text(resource));
        List<String> command = new ArrayList<>(List.of("gcc", "-static", "-O2", "-Wall", "-Wextra", "-Werror"));
        command.addAll(List.of(flags));
        command.addAll(List.of("-o", output.toString(), source.toString()));
        Process gcc = new ProcessBuilder(command).redirectErrorStream(true).start();
        String log = new String(gcc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Files.delete(source);
        return gcc.waitFor() == 0 ? null : String.join(" ", command) + ": " + log;
    }
}
