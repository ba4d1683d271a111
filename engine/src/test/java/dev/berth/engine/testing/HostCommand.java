package dev.berth.engine.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Runs a host program (mount, umount, ...) for a test and fails the test unless it succeeds. */
public final class HostCommand {

    private HostCommand() {
    }

    /** Runs {@code command} to its end; returns its output (stdout and stderr merged). */
    public static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(String.join(" ", command) + ": " + out).isZero();
        return out;
    }
}
