package dev.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The CLI speaks the engine's edge only: its facade and the request and result types beside it
 * ({@code dev.berth.engine}), the shared leaf types ({@code dev.berth.engine.core}) and the daemon's
 * own entry points ({@code dev.berth.engine.daemon}: serve, status, shutdown), never the runtime,
 * image, volume, layer, cgroup or API packages behind them.
 */
class EngineEdgeTest {

    private static final Pattern ENGINE_IMPORT = Pattern.compile("^import (static )?dev\\.berth\\.engine\\.([a-z]\\w*)\\.",
            Pattern.MULTILINE);

    @Test
    void cliSources_importOnlyTheEnginesEdgeAndCore() throws IOException {
        List<String> reaching = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = ENGINE_IMPORT.matcher(Files.readString(file));
                while (m.find()) {
                    if (!m.group(2).equals("core") && !m.group(2).equals("daemon")) {
                        reaching.add(file + ": " + m.group().strip());
                    }
                }
            }
        }
        assertThat(reaching).as("imports of the engine's internals").isEmpty();
    }
}
