package dev.berth.engine.lock;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lock among threads of one JVM; {@code MultiProcessIT} and the stores' tests hold it across processes. */
class LockFileTest {

    @TempDir
    Path dir;

    @Test
    void holders_neverOverlap_evenWithOneLockObjectPerThread() throws Exception {
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            // each thread its own LockFile on the same file, as each store instance has
            LockFile lock = new LockFile(dir.resolve("sub/.lock"));
            threads.add(Thread.startVirtualThread(() -> {
                for (int i = 0; i < 50; i++) {
                    try {
                        lock.holding(() -> {
                            most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                            Thread.yield();
                            return inside.decrementAndGet();
                        });
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(most.get()).isEqualTo(1);
        assertThat(dir.resolve("sub/.lock")).isRegularFile();
    }

    @Test
    void anActionUnderTheLock_mayTakeItAgain() throws Exception {
        LockFile lock = new LockFile(dir.resolve(".lock"));

        String inner = lock.holding(() -> new LockFile(dir.resolve(".lock")).holding(() -> "inner"));

        assertThat(inner).isEqualTo("inner");
    }
}
