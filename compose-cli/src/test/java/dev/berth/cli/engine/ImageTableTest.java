package dev.berth.cli.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.berth.engine.ImageView;

class ImageTableTest {

    private static final String ID = "sha256:6d3e4188a38af91b0c1577b9e88c53368926b2fe0e1fb985d6e8a70040520c4d";

    @Test
    void render_padsColumnsAsDockerImagesDoes() {
        List<ImageView> images = List.of(
                new ImageView(ID, List.of(new ImageView.Name("busybox", "latest", "busybox:latest"),
                        new ImageView.Name("localhost:5000/tools/busybox", "1.36", "localhost:5000/tools/busybox:1.36")),
                        List.of(), "2024-05-01T00:00:00Z", 4_261_550),
                new ImageView("sha256:" + "ab".repeat(32), List.of(), List.of(), "2024-05-14T23:00:00Z", 523));

        List<String> lines = ImageTable.render(images, Instant.parse("2024-05-15T00:00:00Z"));

        assertThat(lines).containsExactly(
                "REPOSITORY                     TAG       IMAGE ID       CREATED             SIZE",
                "busybox                        latest    6d3e4188a38a   2 weeks ago         4.26MB",
                "localhost:5000/tools/busybox   1.36      6d3e4188a38a   2 weeks ago         4.26MB",
                "<none>                         <none>    abababababab   About an hour ago   523B");
    }

    @ParameterizedTest
    @CsvSource({
            "0, Less than a second", "1, 1 second", "59, 59 seconds", "60, About a minute", "150, 2 minutes",
            "3600, About an hour", "7200, 2 hours", "172800, 2 days", "1209600, 2 weeks", "5184000, 2 months",
            "63072000, 2 years",
    })
    void humanDuration_matchesDockerUnits(long seconds, String text) {
        assertThat(ImageTable.humanDuration(Duration.ofSeconds(seconds))).isEqualTo(text);
    }

    @ParameterizedTest
    @CsvSource({"0, 0B", "999, 999B", "1000, 1kB", "1996800, 2MB", "4261550, 4.26MB", "1089856, 1.09MB",
            "123456789, 123MB"})
    void humanSize_usesThreeSignificantDecimalDigits(long bytes, String text) {
        assertThat(ImageTable.humanSize(bytes)).isEqualTo(text);
    }
}
