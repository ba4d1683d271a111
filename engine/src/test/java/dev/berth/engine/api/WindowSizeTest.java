package dev.berth.engine.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WindowSizeTest {

    private static QueryParams query(String h, String w) {
        return new QueryParams(Map.of("h", List.of(h), "w", List.of(w)));
    }

    @Test
    void resizeQuery_isRowsAndColumns() {
        assertThat(WindowSize.of(query("40", "120"))).isEqualTo(new WindowSize(40, 120));
    }

    @Test
    void resizeQuery_notANumberOrTooLarge_isRefusedNamingTheParameter() {
        assertThatThrownBy(() -> WindowSize.of(query("40", "70000")))
                .hasMessage("invalid resize parameter w=\"70000\": expected a number of columns from 0 to 65535");
        assertThatThrownBy(() -> WindowSize.of(new QueryParams(Map.of("w", List.of("1")))))
                .hasMessage("invalid resize parameter h=\"\": expected a number of rows from 0 to 65535");
    }

    @Test
    void consoleSize_isRowsThenColumns_andAbsentOrNullIsNone() throws IOException {
        assertThat(WindowSize.ofConsoleSize(ApiJson.MAPPER.readTree("{\"ConsoleSize\":[40,100]}")))
                .isEqualTo(new WindowSize(40, 100));
        assertThat(WindowSize.ofConsoleSize(ApiJson.MAPPER.readTree("{\"ConsoleSize\":null}")))
                .isEqualTo(new WindowSize(0, 0));
        assertThat(WindowSize.ofConsoleSize(ApiJson.MAPPER.readTree("{}"))).isEqualTo(new WindowSize(0, 0));
        assertThatThrownBy(() -> WindowSize.ofConsoleSize(ApiJson.MAPPER.readTree("{\"ConsoleSize\":[1]}")))
                .hasMessage("invalid JSON: ConsoleSize must be [rows, columns] from 0 to 65535, not [1]");
    }
}
