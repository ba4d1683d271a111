package dev.berth.engine.api;

import dev.berth.engine.ContainerProcesses;
import dev.berth.engine.ContainerStats;
import dev.berth.engine.ContainerView;
import dev.berth.engine.Engine;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /containers/{id}/top} and {@code GET /containers/{id}/stats}: a running container's
 * processes ({@code ps -ef}'s columns, read from /proc) and Docker's stats JSON read from its cgroup,
 * once or once a second until the client leaves.
 */
final class ContainerMetricsRoutes implements RouteGroup {

    private static final Duration INTERVAL = Duration.ofSeconds(1);

    private final Engine engine;

    ContainerMetricsRoutes(Engine engine) {
        this.engine = engine;
    }

    @Override
    public void register(Router router) {
        router.get("/containers/{id}/top", this::top);
        router.get("/containers/{id}/stats", this::stats);
    }

    private ApiResponse top(ApiRequest request) {
        String psArgs = request.query().get("ps_args").orElse("");
        if (!psArgs.isEmpty() && !psArgs.equals("-ef")) {
            throw ApiException.badRequest("berth's top shows the columns of ps -ef only: ps_args \"" + psArgs
                    + "\" is not supported; leave it out");
        }
        ContainerProcesses p = engine.top(request.param("id"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Titles", p.titles());
        body.put("Processes", p.processes());
        return ApiResponse.json(body);
    }

    /**
     * {@code stream} (default true) sends a sample a second; {@code stream=false} one sample whose
     * {@code precpu_stats} are a second older, so that a CPU percentage can be computed, unless
     * {@code one-shot} asks for it at once.
     */
    private ApiResponse stats(ApiRequest request) throws IOException {
        boolean stream = request.query().get("stream").isEmpty() || request.query().bool("stream");
        boolean oneShot = request.query().bool("one-shot");
        if (oneShot && stream) {
            throw ApiException.badRequest("cannot have stream=true and one-shot=true");
        }
        ContainerView c = engine.inspect(request.param("id"));
        ContainerStats first = engine.stats(c.id());
        if (!stream) {
            ContainerStats previous = null;
            ContainerStats sample = first;
            if (!oneShot) {
                pause();
                previous = first;
                sample = engine.stats(c.id());
            }
            return ApiResponse.json(StatsJson.of(c, sample, previous));
        }
        return ApiResponse.stream(Responses.JSON, sink -> {
            ContainerStats previous = null;
            ContainerStats sample = first;
            while (sink.isOpen()) {
                sink.writeJsonLine(StatsJson.of(c, sample, previous));
                pause();
                previous = sample;
                sample = engine.stats(c.id());
            }
        });
    }

    private static void pause() throws IOException {
        try {
            Thread.sleep(INTERVAL);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted between two stats samples", e);
        }
    }

    /** Docker's stats JSON (cgroup v1 and v2 fields as Docker fills them). */
    static final class StatsJson {

        private StatsJson() {
        }

        static Map<String, Object> of(ContainerView c, ContainerStats s, ContainerStats previous) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", "/" + c.name());
            m.put("id", c.id());
            m.put("read", s.read().toString());
            m.put("preread", previous == null ? ContainerJson.ZERO_TIME : previous.read().toString());
            m.put("pids_stats", pids(s));
            m.put("blkio_stats", blkio(s));
            m.put("num_procs", 0);
            m.put("storage_stats", Map.of());
            m.put("cpu_stats", cpu(s));
            m.put("precpu_stats", previous == null ? emptyCpu() : cpu(previous));
            m.put("memory_stats", memory(s));
            return m;
        }

        private static Map<String, Object> pids(ContainerStats s) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("current", s.pids());
            if (s.pidsLimit() > 0) {
                m.put("limit", s.pidsLimit());
            }
            return m;
        }

        private static Map<String, Object> blkio(ContainerStats s) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("io_service_bytes_recursive", s.ioBytes().isEmpty() ? null : io(s.ioBytes()));
            m.put("io_serviced_recursive", s.ioOps().isEmpty() ? null : io(s.ioOps()));
            m.put("io_queue_recursive", null);
            m.put("io_service_time_recursive", null);
            m.put("io_wait_time_recursive", null);
            m.put("io_merged_recursive", null);
            m.put("io_time_recursive", null);
            m.put("sectors_recursive", null);
            return m;
        }

        private static List<Object> io(List<ContainerStats.Io> entries) {
            return entries.stream().<Object>map(e -> Map.of("major", e.major(), "minor", e.minor(), "op", e.op(),
                    "value", e.value())).toList();
        }

        private static Map<String, Object> cpu(ContainerStats s) {
            Map<String, Object> usage = new LinkedHashMap<>();
            usage.put("total_usage", s.cpu().total());
            if (!s.cpu().perCpu().isEmpty()) {
                usage.put("percpu_usage", s.cpu().perCpu());
            }
            usage.put("usage_in_kernelmode", s.cpu().system());
            usage.put("usage_in_usermode", s.cpu().user());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("cpu_usage", usage);
            m.put("system_cpu_usage", s.systemCpuNanos());
            m.put("online_cpus", s.onlineCpus());
            m.put("throttling_data", Map.of("periods", s.cpu().periods(), "throttled_periods",
                    s.cpu().throttledPeriods(), "throttled_time", s.cpu().throttledNanos()));
            return m;
        }

        /** The zero {@code precpu_stats} of a first sample, as Docker sends it. */
        private static Map<String, Object> emptyCpu() {
            return Map.of("cpu_usage", Map.of("total_usage", 0, "usage_in_kernelmode", 0, "usage_in_usermode", 0),
                    "throttling_data", Map.of("periods", 0, "throttled_periods", 0, "throttled_time", 0));
        }

        private static Map<String, Object> memory(ContainerStats s) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("usage", s.memory().usage());
            if (s.memory().maxUsage() > 0) {
                m.put("max_usage", s.memory().maxUsage());
            }
            m.put("stats", s.memory().stat());
            m.put("limit", s.memory().limit());
            return m;
        }
    }
}
