package dev.berth.engine.runtime;

import dev.berth.engine.layer.Trees;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Not a test: the cost of the {@link ExitWatcher} — the CPU its thread uses while it watches
 * CONTAINERS idle containers for IDLE seconds, and the time from a container's SIGKILL to the
 * watcher's report. Run with {@code scripts/bench-exit-watcher [CONTAINERS] [IDLE]}.
 */
public final class ExitWatcherBenchmark {

    private ExitWatcherBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int idleSeconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        Path base = Files.createTempDirectory("berth-bench-watcher-");
        ContainerRuntime runtime = null;
        List<String> ids = new ArrayList<>();
        try {
            Path layer = BusyboxRootfs.create(Files.createDirectories(base.resolve("layer")));
            runtime = new ContainerRuntime(Files.createDirectories(base.resolve("data")));
            CreateOptions options = CreateOptions.builder(List.of(layer)).command("sleep", "1000").build();
            for (int i = 0; i < count; i++) {
                String id = runtime.create(options);
                runtime.start(id);
                ids.add(id);
            }
            Map<String, Long> reported = new ConcurrentHashMap<>();
            CountDownLatch all = new CountDownLatch(count);
            try (ExitWatcher watcher = new ExitWatcher(runtime, id -> {
                reported.put(id, System.nanoTime());
                all.countDown();
            })) {
                ids.forEach(watcher::watch);
                Thread thread = Thread.getAllStackTraces().keySet().stream()
                        .filter(t -> t.getName().equals("berth-exit-watcher")).findFirst().orElseThrow();
                ThreadMXBean mx = ManagementFactory.getThreadMXBean();
                long cpu0 = mx.getThreadCpuTime(thread.threadId());
                long wall0 = System.nanoTime();
                TimeUnit.SECONDS.sleep(idleSeconds);
                long cpu1 = mx.getThreadCpuTime(thread.threadId());
                System.out.printf("watching %d idle containers for %.1f s: watcher thread CPU %.3f ms%n", count,
                        (System.nanoTime() - wall0) / 1e9, (cpu1 - cpu0) / 1e6);

                // one at a time, each report awaited: the latency of one exit, not of a queue of them
                Map<String, Long> killed = new ConcurrentHashMap<>();
                for (String id : ids) {
                    killed.put(id, System.nanoTime());
                    runtime.kill(id, 9);
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                    while (!reported.containsKey(id)) {
                        if (System.nanoTime() > deadline) {
                            throw new IllegalStateException("the exit of " + id + " was not reported within 10 s");
                        }
                        Thread.onSpinWait();
                    }
                }
                if (!all.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("only " + reported.size() + " of " + count + " exits reported");
                }
                List<Double> latency = new ArrayList<>();
                ids.forEach(id -> latency.add((reported.get(id) - killed.get(id)) / 1e6));
                latency.sort(null);
                System.out.printf("SIGKILL to report: median %.2f ms, p90 %.2f ms, max %.2f ms; watcher CPU for"
                                + " the %d exits %.3f ms%n", latency.get(count / 2), latency.get(count * 9 / 10),
                        latency.getLast(), count, (mx.getThreadCpuTime(thread.threadId()) - cpu1) / 1e6);
            }
        } finally {
            if (runtime != null) {
                for (String id : ids) {
                    runtime.remove(id, true);
                }
            }
            Trees.deleteRecursively(base);
        }
    }
}
