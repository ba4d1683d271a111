package dev.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GoJsonTextTest {

    @Test
    void quote_escapesAsGoEncodingJsonWithoutHtmlEscaping() {
        assertThat(GoJsonText.quote("a\"b\\c\n\t\u0001<&>\u2028é"))
                .isEqualTo("\"a\\\"b\\\\c\\n\\t\\u0001<&>\\u2028é\"");
    }

    @Test
    void quote_replacesALoneSurrogate() {
        assertThat(GoJsonText.quote("x\ud800y")).isEqualTo("\"x\\ufffdy\"");
    }
}
