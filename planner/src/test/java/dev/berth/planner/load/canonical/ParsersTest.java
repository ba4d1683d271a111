package dev.berth.planner.load.canonical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ParsersTest {

    @Test
    void byteSizes_areBinaryMultiples() {
        assertThat(ByteSizes.parse("2b")).isEqualTo(2);
        assertThat(ByteSizes.parse("1024kb")).isEqualTo(1_048_576);
        assertThat(ByteSizes.parse("2048k")).isEqualTo(2_097_152);
        assertThat(ByteSizes.parse("300m")).isEqualTo(314_572_800);
        assertThat(ByteSizes.parse("1gb")).isEqualTo(1_073_741_824);
        assertThat(ByteSizes.parse("1.5G")).isEqualTo(1_610_612_736);
        assertThatThrownBy(() -> ByteSizes.parse("lots")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void byteSizes_areExact_beyondWhatADoubleHolds() {
        assertThat(ByteSizes.parse("9007199254740993")).isEqualTo(9_007_199_254_740_993L);
        assertThat(ByteSizes.parse("8191.999p")).isEqualTo(9_223_370_910_954_868_965L);
        assertThat(ByteSizes.parse("0.3k")).isEqualTo(307);
    }

    @Test
    void byteSizes_pastTheLargestLong_areRefusedNotRounded() {
        assertThatThrownBy(() -> ByteSizes.parse("8192p"))
                .hasMessage("is more than 9223372036854775807 bytes, the largest size there is");
    }

    @Test
    void shellWords_honourQuotesWithoutAShell() {
        assertThat(ShellWords.split("echo $HOME 'a b' \"c  d\" e\\ f")).containsExactly("echo", "$HOME", "a b", "c  d", "e f");
        assertThat(ShellWords.split("  ")).isEmpty();
        assertThat(ShellWords.split("a''b \"\"")).containsExactly("ab", "");
        assertThatThrownBy(() -> ShellWords.split("\"open")).hasMessage("unclosed double quote");
    }

    @Test
    void ipAddresses_checkSyntax() {
        assertThat(IpAddresses.isValid("127.0.0.1")).isTrue();
        assertThat(IpAddresses.isValid("::1")).isTrue();
        assertThat(IpAddresses.isValid("fe80::1:2")).isTrue();
        assertThat(IpAddresses.isValid("::ffff:10.0.0.1")).isTrue();
        assertThat(IpAddresses.isValid("127.0.1")).isFalse();
        assertThat(IpAddresses.isValid("256.0.0.1")).isFalse();
        assertThat(IpAddresses.isValid("1:2:3:4:5:6:7:8:9")).isFalse();
        assertThat(IpAddresses.isValid("localhost")).isFalse();
    }
}
