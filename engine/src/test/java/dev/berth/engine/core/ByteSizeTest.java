package dev.berth.engine.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ByteSizeTest {

    @Test
    void parse_readsDockersUnits_caseInsensitively_with1024Steps() {
        assertThat(ByteSize.parse("1048576")).isEqualTo(1_048_576L);
        assertThat(ByteSize.parse("256m")).isEqualTo(256L << 20);
        assertThat(ByteSize.parse("256MB")).isEqualTo(256L << 20);
        assertThat(ByteSize.parse("64MiB")).isEqualTo(64L << 20);
        assertThat(ByteSize.parse("1.5g")).isEqualTo(3L << 29);
        assertThat(ByteSize.parse("2 k")).isEqualTo(2048);
        assertThat(ByteSize.parse("1t")).isEqualTo(1L << 40);
    }

    @Test
    void parse_rejectsWhatIsNotASize_quotingIt() {
        assertThatThrownBy(() -> ByteSize.parse("-1")).hasMessage("invalid size: '-1'");
        assertThatThrownBy(() -> ByteSize.parse("12x")).hasMessage("invalid size: '12x'");
        assertThatThrownBy(() -> ByteSize.parse("")).hasMessage("invalid size: ''");
        assertThatThrownBy(() -> ByteSize.parse("99999999p")).hasMessage("invalid size: '99999999p' (too large)");
    }
}
