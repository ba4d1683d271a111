package dev.berth.engine.runtime.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArgMaxTest {

    private static final List<Rlimit> STACK_8M = List.of(new Rlimit("stack", 8L << 20, -1));

    @Test
    void limit_isAQuarterOfTheStack_between128KiBAnd6MiB() {
        assertThat(ArgMax.limit(8L << 20)).isEqualTo(2L << 20);
        assertThat(ArgMax.limit(64L << 10)).isEqualTo(128L << 10);
        assertThat(ArgMax.limit(64L << 20)).isEqualTo(6L << 20);
        assertThat(ArgMax.limit(-1)).isEqualTo(6L << 20);
    }

    @Test
    void fiveThousandEnvironmentEntries_fit() {
        List<String> env = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            env.add("VARIABLE_" + i + "=value-" + i);
        }

        assertThatCode(() -> ArgMax.check("cannot start container c", List.of("sh"), env, STACK_8M))
                .doesNotThrowAnyException();
    }

    @Test
    void theTotal_countsEachStringWithItsNulAndAPointer() {
        // 2 MiB under an 8 MiB stack: one byte over is refused, the exact fit passes
        String fill = "x".repeat(100_000);
        List<String> env = new ArrayList<>();
        long total = "sh".length() + 1 + 8;
        while (total + fill.length() + 1 + 8 <= ArgMax.limit(8L << 20)) {
            env.add(fill);
            total += fill.length() + 1 + 8;
        }
        env.add("x".repeat((int) (ArgMax.limit(8L << 20) - total - 1 - 8)));

        assertThatCode(() -> ArgMax.check("c", List.of("sh"), env, STACK_8M)).doesNotThrowAnyException();
        env.set(env.size() - 1, env.getLast() + "x");
        assertThatThrownBy(() -> ArgMax.check("cannot start container c", List.of("sh"), env, STACK_8M))
                .hasMessage("cannot start container c: the command line and environment (1 argument, " + env.size()
                        + " environment entries) are 2097153 bytes, more than the kernel's limit ARG_MAX of 2097152"
                        + " bytes (a quarter of the stack size limit, at most 6291456): pass fewer or shorter arguments"
                        + " and environment entries, or put the data in a file or volume");
    }

    @Test
    void oneEntryOver128KiB_isRefused_evenUnderTheTotal() {
        String big = "BIG=" + "x".repeat(131_072);

        assertThatThrownBy(() -> ArgMax.check("cannot exec", List.of("sh"), List.of(big), STACK_8M))
                .hasMessage("cannot exec: the environment entry \"BIG=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...\" is"
                        + " 131077 bytes, more than the kernel's limit MAX_ARG_STRLEN of 131072 bytes for one"
                        + " environment entry");
    }
}
