package dev.berth.planner.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.berth.planner.graph.ServiceGraph;
import dev.berth.planner.load.LoadOptions;
import dev.berth.planner.load.LoadResult;
import dev.berth.planner.load.ProjectLoader;
import dev.berth.planner.load.StandardStages;
import dev.berth.planner.model.Project;

/**
 * Times load + validate + graph of a generated stack (not a test: {@code scripts/bench-loader}
 * runs it). Each round reads the file from disk through the real loader and stages, builds the
 * {@link Project} and its {@link ServiceGraph} and asks for the start order and levels. After the
 * warm-up rounds it prints the median, minimum and maximum of the measured rounds.
 *
 * <p>Arguments (all optional): services, dependencies, warm-up rounds, measured rounds.
 */
public final class LoaderBenchmark {

    private LoaderBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int services = argument(args, 0, 1000);
        int dependencies = argument(args, 1, 3000);
        int warmup = argument(args, 2, 30);
        int rounds = argument(args, 3, 30);

        Path dir = Files.createTempDirectory("berth-bench");
        try {
            Path file = dir.resolve("compose.yaml");
            Files.writeString(file, new GeneratedStack(services, dependencies, 42).yaml());
            LoadOptions options = LoadOptions.defaults(dir, Map.of(), dir).withFiles(List.of(file.toString()));
            System.out.printf("stack: %d services, %d dependencies, %d KiB%n", services, dependencies,
                    Files.size(file) / 1024);

            for (int i = 0; i < warmup; i++) {
                once(options, services);
            }
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long[] wall = new long[rounds];
            long[] cpu = new long[rounds];
            for (int i = 0; i < rounds; i++) {
                long cpuStart = threads.getCurrentThreadCpuTime();
                long start = System.nanoTime();
                once(options, services);
                wall[i] = System.nanoTime() - start;
                cpu[i] = threads.getCurrentThreadCpuTime() - cpuStart;
            }
            System.out.printf("load + validate + graph, %d rounds after %d warm-up:%n", rounds, warmup);
            print("wall time", wall);
            print("CPU time of the loading thread", cpu);
            System.out.printf("load average at the end: %.2f on %d cores%n",
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    Runtime.getRuntime().availableProcessors());
        } finally {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static void once(LoadOptions options, int services) {
        LoadResult result = new ProjectLoader(new StandardStages()).load(options);
        ServiceGraph graph = ServiceGraph.of(Project.from(result.model(), result.workingDir()));
        if (graph.startOrder().size() != services || graph.levels().isEmpty()) {
            throw new IllegalStateException("the generated stack did not load " + services + " services");
        }
    }

    private static void print(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf("  %-31s median %7.1f ms, min %7.1f ms, max %7.1f ms%n", what,
                sorted[sorted.length / 2] / 1e6, sorted[0] / 1e6, sorted[sorted.length - 1] / 1e6);
    }

    private static int argument(String[] args, int index, int fallback) {
        return args.length > index ? Integer.parseInt(args[index]) : fallback;
    }
}
