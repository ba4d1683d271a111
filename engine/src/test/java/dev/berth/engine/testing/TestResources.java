package dev.berth.engine.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Text files from the test class path, such as the probe script and its golden outputs. */
public final class TestResources {

    private TestResources() {
    }

    /** The UTF-8 text of the test resource {@code name}; fails the test when it is missing. */
    public static String text(String name) throws IOException {
        try (InputStream in = TestResources.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as("test resource %s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
