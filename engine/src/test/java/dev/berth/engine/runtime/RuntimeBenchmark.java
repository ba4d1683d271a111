package dev.berth.engine.runtime;

import dev.berth.engine.layer.Trees;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Not a test: measures create + start + wait of {@code true} without network (one JVM, from the
 * create call to wait returning), after a warm-up, and the RSS of one running container's monitor.
 * Run with {@code scripts/bench-engine [RUNS] [WARMUP]}.
 */
public final class RuntimeBenchmark {

    private RuntimeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        Path base = Files.createTempDirectory("berth-bench-");
        try {
            Path layer = BusyboxRootfs.create(Files.createDirectories(base.resolve("layer")));
            ContainerRuntime runtime = new ContainerRuntime(Files.createDirectories(base.resolve("data")));
            CreateOptions options = CreateOptions.builder(List.of(layer)).command("true").build();
            List<Double> millis = new ArrayList<>();
            List<Double> creates = new ArrayList<>();
            List<Double> starts = new ArrayList<>();
            for (int i = 0; i < warmup + runs; i++) {
                long t0 = System.nanoTime();
                String id = runtime.create(options);
                long tc = System.nanoTime();
                runtime.start(id);
                long ts = System.nanoTime();
                int code = runtime.waitFor(id);
                long t1 = System.nanoTime();
                if (code != 0) {
                    throw new IllegalStateException("true exited with " + code);
                }
                runtime.remove(id, false);
                if (i >= warmup) {
                    millis.add((t1 - t0) / 1e6);
                    creates.add((tc - t0) / 1e6);
                    starts.add((ts - tc) / 1e6);
                }
            }
            millis.sort(null);
            creates.sort(null);
            starts.sort(null);
            System.out.printf("create+start+wait of true, no network: n=%d median=%.2f ms p10=%.2f ms p90=%.2f ms%n",
                    runs, millis.get(runs / 2), millis.get(runs / 10), millis.get(runs * 9 / 10));
            System.out.printf("  of which create median=%.2f ms, start (spawn to exec) median=%.2f ms%n",
                    creates.get(runs / 2), starts.get(runs / 2));

            String id = runtime.create(CreateOptions.builder(List.of(layer)).command("sleep", "1000").build());
            runtime.start(id);
            long init = runtime.inspect(id).pid();
            String monitor = status(init, "PPid");
            System.out.printf("monitor PID %s: VmRSS %s, VmHWM %s%n", monitor, status(Long.parseLong(monitor), "VmRSS"),
                    status(Long.parseLong(monitor), "VmHWM"));
            runtime.remove(id, true);
        } finally {
            Trees.deleteRecursively(base);
        }
    }

    private static String status(long pid, String key) throws Exception {
        return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                .filter(l -> l.startsWith(key + ":")).findFirst().orElseThrow()
                .substring(key.length() + 1).trim();
    }
}
