package dev.berth.engine;

import dev.berth.engine.core.EngineException;
import dev.berth.engine.core.Health;
import dev.berth.engine.core.HealthLogEntry;
import dev.berth.engine.core.Healthcheck;
import dev.berth.engine.runtime.ContainerInspect;
import dev.berth.engine.runtime.ContainerRuntime;
import dev.berth.engine.runtime.ExecOptions;
import dev.berth.engine.runtime.NoSuchContainerException;
import dev.berth.engine.runtime.launch.ExecResult;
import dev.berth.engine.runtime.launch.ExecTimedOutException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs one container's healthcheck while that run of the container lasts, as Docker's health
 * monitor does (moby {@code daemon/health.go}): a probe every {@code interval} ({@code
 * start_interval} while the container is {@code starting} within its start period), each run
 * inside the container with the container's user and environment, killed after {@code timeout}
 * (a failure). Each result is saved with the container's state ({@link Health#after}) and a change
 * of status is published as {@code health_status: STATUS}. A paused container is not probed.
 */
final class HealthMonitor implements AutoCloseable {

    private final Engine engine;
    private final ContainerRuntime runtime;
    private final String id;
    private final Healthcheck check;
    private final Consumer<String> problems;
    private final CountDownLatch closed = new CountDownLatch(1);

    private HealthMonitor(Engine engine, String id, Healthcheck check, Consumer<String> problems) {
        this.engine = engine;
        this.runtime = engine.runtime();
        this.id = id;
        this.check = check;
        this.problems = problems;
    }

    /** Starts probing the container's current run on a virtual thread of its own. */
    static HealthMonitor start(Engine engine, String id, Healthcheck check, Consumer<String> problems) {
        HealthMonitor m = new HealthMonitor(engine, id, check, problems);
        Thread.ofVirtual().name("berth-health-" + id.substring(0, 12)).start(m::run);
        return m;
    }

    /** The probe's argv: {@code CMD} runs its arguments, {@code CMD-SHELL} its text with {@code /bin/sh -c}. */
    static List<String> command(Healthcheck check) {
        List<String> test = check.test();
        return switch (test.getFirst()) {
            case "CMD" -> test.subList(1, test.size());
            case "CMD-SHELL" -> List.of("/bin/sh", "-c", String.join(" ", test.subList(1, test.size())));
            default -> throw new EngineException("healthcheck test " + test + " is not [\"CMD\", …], [\"CMD-SHELL\", …]"
                    + " or [\"NONE\"]");
        };
    }

    private void run() {
        try {
            ContainerInspect first = runtime.inspect(id);
            String run = first.startedAt();
            while (true) {
                ContainerInspect c = runtime.inspect(id);
                if (!c.running() || !run.equals(c.startedAt())) {
                    return;
                }
                if (closed.await(interval(c).toNanos(), TimeUnit.NANOSECONDS)) {
                    return;
                }
                c = runtime.inspect(id);
                if (!c.running() || !run.equals(c.startedAt())) {
                    return;
                }
                if (!c.paused()) {
                    probe(run);
                }
            }
        } catch (NoSuchContainerException gone) {
            // removed: nothing left to probe
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            problems.accept("the healthcheck of container " + id + " stopped: " + e.getMessage());
        }
    }

    /** {@code start_interval} while starting within the start period, else {@code interval}. */
    private Duration interval(ContainerInspect c) {
        Health h = c.supervision().health();
        boolean starting = h == null || h.status().equals(Health.STARTING);
        return starting && inStartPeriod(c.startedAt(), Instant.now()) ? check.effectiveStartInterval()
                : check.effectiveInterval();
    }

    private boolean inStartPeriod(String startedAt, Instant at) {
        return at.isBefore(Instant.parse(startedAt).plus(check.startPeriod()));
    }

    private void probe(String run) {
        Instant start = Instant.now();
        int code;
        String output;
        Duration timeout = check.effectiveTimeout();
        try {
            ExecResult r = runtime.exec(id, new ExecOptions(command(check), List.of(), null, null, 0, false), timeout);
            code = r.exitCode();
            output = r.stdout() + r.stderr();
        } catch (ExecTimedOutException e) {
            code = -1;
            output = "Health check exceeded timeout (" + goDuration(timeout) + ")";
        } catch (NoSuchContainerException e) {
            throw e;
        } catch (EngineException e) {
            if (!runtime.inspect(id).running()) {
                // it ended while the probe was made: that is not the probe's failure
                return;
            }
            code = -1;
            output = e.getMessage();
        }
        HealthLogEntry entry = new HealthLogEntry(start.toString(), Instant.now().toString(), code,
                Health.truncate(output));
        boolean inStartPeriod = inStartPeriod(run, start);
        String[] before = new String[1];
        ContainerInspect after = runtime.supervise(id, c -> {
            if (!c.running() || !run.equals(c.startedAt())) {
                return c.supervision();
            }
            Health now = c.supervision().health() == null ? Health.startingAfter(null) : c.supervision().health();
            before[0] = now.status();
            return c.supervision().withHealth(now.after(entry, inStartPeriod, check.effectiveRetries()));
        });
        Health health = after.supervision().health();
        if (before[0] != null && health != null && !health.status().equals(before[0])) {
            engine.containerEvent(id, "health_status: " + health.status());
        }
    }

    /** A duration as Go prints one ({@code 30s}, {@code 200ms}, {@code 1m30s}), for Docker's message. */
    static String goDuration(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + "ms";
        }
        long minutes = d.toMinutes();
        double seconds = (ms - minutes * 60_000) / 1000.0;
        String s = seconds == Math.floor(seconds) ? Long.toString((long) seconds) : Double.toString(seconds);
        return (minutes > 0 ? minutes + "m" : "") + s + "s";
    }

    /** Stops probing; a probe under way finishes, but its result is not saved for a later run. */
    @Override
    public void close() {
        closed.countDown();
    }
}
