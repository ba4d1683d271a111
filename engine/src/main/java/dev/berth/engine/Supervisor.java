package dev.berth.engine;

import dev.berth.engine.core.EngineException;
import dev.berth.engine.core.Health;
import dev.berth.engine.core.Healthcheck;
import dev.berth.engine.runtime.ContainerInspect;
import dev.berth.engine.runtime.ContainerRuntime;
import dev.berth.engine.runtime.CreateOptions;
import dev.berth.engine.runtime.ExitWatcher;
import dev.berth.engine.runtime.NoSuchContainerException;
import dev.berth.engine.runtime.Supervision;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The daemon's supervisor of its engine's containers: notices each exit when it happens (an
 * {@link ExitWatcher} over the monitors), restarts containers by their restart policy with
 * Docker's back-off, starts the ones that should run when the daemon starts, and runs healthchecks.
 * It learns what the engine does from the engine's own events ({@code start}, {@code die},
 * {@code destroy}), handled in order on one thread.
 *
 * <p>Only the daemon runs one (a single writer per data root); closing it stops the watching, the
 * probes and pending restarts, and leaves every container as it is. A restart decided but not made
 * stays recorded ({@code restarting}) and is made when the next supervisor starts.
 */
public final class Supervisor implements AutoCloseable {

    private final Engine engine;
    private final ContainerRuntime runtime;
    private final Consumer<String> problems;
    private final EventBus.Subscription events;
    private final ExitWatcher watcher;
    private final ScheduledExecutorService timer;
    private final Map<String, RestartBackOff> backOffs = new ConcurrentHashMap<>();
    private final Map<String, HealthMonitor> monitors = new ConcurrentHashMap<>();
    private final Thread loop;
    /** Starts under way (at daemon start, by the policy): close waits for them. */
    private final Set<Thread> starting = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private Supervisor(Engine engine, Consumer<String> problems) {
        this.engine = engine;
        this.runtime = engine.runtime();
        this.problems = problems;
        // subscribed before the containers are looked at, so no start or exit falls in between
        this.events = engine.events().subscribe(Long.MAX_VALUE, Integer.MAX_VALUE - 1);
        this.watcher = new ExitWatcher(runtime, this::exited);
        this.timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("berth-restart-timer").factory());
        this.loop = Thread.ofVirtual().name("berth-supervisor").unstarted(this::handleEvents);
    }

    /**
     * Starts supervising the engine's containers: running ones are watched (and probed), stopped
     * ones that their policy says should run are started.
     *
     * @param problems where failures of the supervisor's own work are reported (the daemon's log)
     */
    public static Supervisor start(Engine engine, Consumer<String> problems) {
        Supervisor s = new Supervisor(engine, problems);
        s.loop.start();
        s.adopt();
        return s;
    }

    private void adopt() {
        for (ContainerInspect c : runtime.list()) {
            try {
                if (c.running()) {
                    watcher.watch(c.id());
                    beginHealth(c.id());
                } else if (RestartRules.atDaemonStart(runtime.config(c.id()).restartPolicy(), c.startedAt() != null,
                        c.supervision().stoppedByUser(), c.supervision().restarting())) {
                    String id = c.id();
                    spawn(() -> startAtDaemonStart(id));
                } else if (c.supervision().restarting()) {
                    runtime.supervise(c.id(), x -> x.supervision().restarting(false));
                }
            } catch (NoSuchContainerException gone) {
                // removed while the supervisor started
            } catch (RuntimeException e) {
                problems.accept("cannot supervise container " + c.id() + ": " + e.getMessage());
            }
        }
    }

    private void startAtDaemonStart(String id) {
        try {
            // as Docker's restore: a start like the user's, the restart count starting again
            engine.start(id, c -> !closed, Supervision::startedByUser);
        } catch (NoSuchContainerException gone) {
            // removed meanwhile
        } catch (RuntimeException e) {
            problems.accept("cannot start container " + id + " by its restart policy as the daemon starts: "
                    + e.getMessage());
        }
    }

    private void handleEvents() {
        try {
            while (true) {
                EngineEvent e = events.next(Long.MAX_VALUE);
                if (e == null) {
                    if (events.ended()) {
                        return;
                    }
                    continue;
                }
                if (e.type().equals(EngineEvent.CONTAINER)) {
                    handle(e);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(EngineEvent e) {
        String id = e.actorId();
        try {
            switch (e.action()) {
                case "start" -> {
                    watcher.watch(id);
                    beginHealth(id);
                }
                case "die" -> {
                    endHealth(id);
                    exitedOnItsOwn(id, Integer.parseInt(e.attributes().getOrDefault("exitCode", "0")));
                }
                case "destroy" -> {
                    endHealth(id);
                    backOffs.remove(id);
                }
                default -> {
                }
            }
        } catch (NoSuchContainerException gone) {
            // removed before its event was handled
        } catch (RuntimeException ex) {
            problems.accept("cannot handle the " + e.action() + " of container " + id + ": " + ex.getMessage());
        }
    }

    /** The watcher saw the monitor exit: reading the container records the exit (and emits die). */
    private void exited(String id) {
        try {
            runtime.inspect(id);
        } catch (NoSuchContainerException gone) {
            // removed as it ended
        } catch (RuntimeException e) {
            problems.accept("cannot record the exit of container " + id + ": " + e.getMessage());
        }
    }

    private void beginHealth(String id) {
        if (closed || !engine.hasHealthcheck(id)) {
            return;
        }
        Healthcheck check = runtime.config(id).healthcheck();
        // a container re-adopted from an engine without a supervisor has no health yet
        runtime.supervise(id, c -> c.running() && c.supervision().health() == null
                ? c.supervision().withHealth(Health.startingAfter(null)) : c.supervision());
        HealthMonitor older = monitors.put(id, HealthMonitor.start(engine, id, check, problems));
        if (older != null) {
            older.close();
        }
    }

    private void endHealth(String id) {
        HealthMonitor m = monitors.remove(id);
        if (m != null) {
            m.close();
        }
    }

    /** Decides, by the container's policy, whether and when it starts again after {@code exitCode}. */
    private void exitedOnItsOwn(String id, int exitCode) {
        if (closed) {
            return;
        }
        CreateOptions options = runtime.config(id);
        ContainerInspect c = runtime.inspect(id);
        if (!RestartRules.afterExit(options.restartPolicy(), exitCode, c.supervision().restartCount(),
                c.supervision().stoppedByUser())) {
            return;
        }
        ContainerInspect decided = runtime.supervise(id, x -> x.running() || x.supervision().stoppedByUser()
                || x.supervision().restarting() ? x.supervision() : x.supervision().restartDecided());
        if (!decided.supervision().restarting() || decided.running()) {
            return;
        }
        Duration delay = backOffs.computeIfAbsent(id, k -> new RestartBackOff()).next(ranFor(c));
        timer.schedule(() -> spawn(() -> restart(id)), delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    private static Duration ranFor(ContainerInspect c) {
        if (c.startedAt() == null || c.finishedAt() == null) {
            return Duration.ZERO;
        }
        return Duration.between(Instant.parse(c.startedAt()), Instant.parse(c.finishedAt()));
    }

    private void restart(String id) {
        if (closed) {
            // left recorded as restarting: the next supervisor makes it
            return;
        }
        try {
            boolean started = engine.start(id, c -> !closed && c.supervision().restarting()
                    && !c.supervision().stoppedByUser(), s -> s.restarting(false));
            if (!started) {
                // stopped by the user meanwhile, or started by them: nothing pending any more
                runtime.supervise(id, c -> closed ? c.supervision() : c.supervision().restarting(false));
            }
        } catch (NoSuchContainerException gone) {
            // removed while it waited
        } catch (StartFailedException e) {
            // as Docker: a failed start is one more exit for the policy to judge
            problems.accept("container " + id + " could not be restarted: " + e.getMessage());
            handleFailedRestart(id, e.exitCode());
        } catch (RuntimeException e) {
            problems.accept("container " + id + " could not be restarted: " + e.getMessage());
            runtime.supervise(id, c -> c.supervision().restarting(false));
        }
    }

    private void handleFailedRestart(String id, int exitCode) {
        try {
            exitedOnItsOwn(id, exitCode);
        } catch (NoSuchContainerException gone) {
            // removed meanwhile
        } catch (EngineException e) {
            problems.accept("container " + id + " will not be restarted: " + e.getMessage());
        }
    }

    /** Runs a start on a virtual thread of its own, which {@link #close()} waits for. */
    private void spawn(Runnable start) {
        Thread t = Thread.ofVirtual().unstarted(() -> {
            try {
                start.run();
            } finally {
                starting.remove(Thread.currentThread());
            }
        });
        starting.add(t);
        t.start();
    }

    /** Stops supervising; every container stays as it is. */
    @Override
    public void close() {
        closed = true;
        events.close();
        timer.shutdownNow();
        watcher.close();
        monitors.values().forEach(HealthMonitor::close);
        monitors.clear();
        try {
            loop.join(Duration.ofSeconds(10));
            // a start under way finishes (a launch is not cut in half); none begins after closed
            for (Thread t : starting) {
                t.join(Duration.ofSeconds(30));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
