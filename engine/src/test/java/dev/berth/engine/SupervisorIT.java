package dev.berth.engine;

import static dev.berth.engine.EngineFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.engine.cgroup.Cgroups;
import dev.berth.engine.core.Health;
import dev.berth.engine.core.HealthLogEntry;
import dev.berth.engine.core.Healthcheck;
import dev.berth.engine.core.RestartPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The supervisor on a real engine: exits noticed as they happen, restart policies with their
 * back-off, containers started when a new supervisor opens the data root, and healthchecks run
 * inside containers.
 */
class SupervisorIT {

    @RegisterExtension
    final EngineFixture fx = EngineFixture.withBusybox("bb");

    private final List<String> problems = new CopyOnWriteArrayList<>();
    private final List<Supervisor> supervisors = new ArrayList<>();
    private EventBus.Subscription events;

    @BeforeEach
    void supervise() {
        events = fx.engine.events().subscribe(Long.MAX_VALUE, 10_000);
        supervisors.add(Supervisor.start(fx.engine, problems::add));
    }

    @AfterEach
    void stopSupervising() {
        supervisors.forEach(Supervisor::close);
        events.close();
        assertThat(problems).as("problems the supervisor reported").isEmpty();
    }

    private RunRequest.Builder exitingWith(int code) {
        return RunRequest.builder("bb").command("sh", "-c", "exit " + code);
    }

    /** The container's events seen so far, as {@code action} texts. */
    private List<String> actionsOf(String id, List<EngineEvent> seen) throws InterruptedException {
        EngineEvent e;
        while ((e = events.next(0)) != null) {
            seen.add(e);
        }
        return seen.stream().filter(x -> x.actorId().equals(id)).map(EngineEvent::action).toList();
    }

    @Test
    void onFailure2_exitingWith1_isRestartedTwice_thenStaysExited() throws InterruptedException {
        String id = fx.engine.create(exitingWith(1).restartPolicy(RestartPolicy.parse("on-failure:2")).build());
        fx.engine.start(id);

        List<EngineEvent> seen = new ArrayList<>();
        await("three runs of the container", () -> {
            try {
                return actionsOf(id, seen).stream().filter("die"::equals).count() == 3;
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        await("the last exit recorded", () -> !fx.engine.inspect(id).restarting());
        ContainerView view = fx.engine.inspect(id);
        assertThat(view.status()).isEqualTo("exited");
        assertThat(view.exitCode()).isEqualTo(1);
        assertThat(view.restartCount()).isEqualTo(2);
        assertThat(actionsOf(id, seen)).containsExactly("create", "start", "die", "start", "die", "start", "die");
        assertThat(seen.stream().filter(e -> e.action().equals("die")).map(e -> e.attributes().get("exitCode")))
                .containsOnly("1");
    }

    @Test
    void onFailure_exitingWith0_isNotRestarted() throws InterruptedException {
        String id = fx.engine.create(exitingWith(0).restartPolicy(RestartPolicy.parse("on-failure")).build());
        fx.engine.start(id);
        fx.engine.waitFor(id);

        // the die is handled in order with every later event: a marker event after it proves it was
        fx.engine.createVolume("marker-" + id.substring(0, 12), java.util.Map.of(), java.util.Map.of());
        List<EngineEvent> seen = new ArrayList<>();
        await("the marker handled", () -> {
            try {
                actionsOf(id, seen);
                return seen.stream().anyMatch(e -> e.type().equals(EngineEvent.VOLUME));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(fx.engine.inspect(id).status()).isEqualTo("exited");
        assertThat(fx.engine.inspect(id).restartCount()).isZero();
        fx.engine.removeVolume("marker-" + id.substring(0, 12));
    }

    @Test
    void always_restartsAfterEachExit_untilTheUserStopsIt() {
        String id = fx.engine.create(RunRequest.builder("bb").command("sh", "-c", "sleep 0.2")
                .restartPolicy(RestartPolicy.parse("always")).build());
        fx.engine.start(id);

        await("two restarts", () -> fx.engine.inspect(id).restartCount() >= 2);
        await("running again", () -> fx.engine.inspect(id).running());
        fx.engine.stop(id, Duration.ofSeconds(5));

        ContainerView stopped = fx.engine.inspect(id);
        assertThat(stopped.status()).isIn("exited");
        assertThat(stopped.restarting()).isFalse();
        int count = stopped.restartCount();
        // a restart would come 100 ms to 1 s after the exit; the sleep in it lasts 0.2 s
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (System.nanoTime() < deadline) {
            ContainerView now = fx.engine.inspect(id);
            assertThat(now.running()).as("restarted after the user stopped it").isFalse();
            assertThat(now.restartCount()).isEqualTo(count);
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }

    @Test
    void unlessStopped_killedByTheUser_isNotRestarted() {
        String id = fx.engine.create(RunRequest.builder("bb").command("sleep", "1000")
                .restartPolicy(RestartPolicy.parse("unless-stopped")).build());
        fx.engine.start(id);

        fx.engine.kill(id, "KILL");
        fx.engine.waitFor(id);

        long deadline = System.nanoTime() + Duration.ofSeconds(1).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(fx.engine.inspect(id).running()).as("restarted after the user killed it").isFalse();
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
        assertThat(fx.engine.inspect(id).restartCount()).isZero();
    }

    @Test
    void always_isStarted_whenANewEngineAndSupervisorOpenTheDataRoot() {
        supervisors.removeFirst().close();
        String id = fx.engine.create(RunRequest.builder("bb").command("sleep", "1000")
                .restartPolicy(RestartPolicy.parse("always")).build());
        fx.engine.start(id);
        String firstStart = fx.engine.inspect(id).startedAt();
        // ends while no supervisor runs, as in a daemon crash: not the user's stop
        fx.engine.runtime().kill(id, 9);
        fx.engine.waitFor(id);
        String unsupervised = fx.engine.inspect(id).status();
        assertThat(unsupervised).isEqualTo("exited");

        Engine reopened = Engine.open(fx.dataRoot, Cgroups.detect(fx.cgroupParent));
        supervisors.add(Supervisor.start(reopened, problems::add));

        // its init known: the start is complete, not only under way
        await("started by the new supervisor", () -> reopened.inspect(id).pid() != 0);
        assertThat(reopened.inspect(id).startedAt()).isNotEqualTo(firstStart);
    }

    @Test
    void exitOnItsOwn_isNoticedWithoutAnyoneAsking() throws InterruptedException {
        String id = fx.engine.create(RunRequest.builder("bb").command("sh", "-c", "sleep 0.3; exit 4").build());
        fx.engine.start(id);

        // nothing reads the container here: only the supervisor's watcher can record its end
        EngineEvent die = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (die == null && System.nanoTime() < deadline) {
            EngineEvent e = events.next(Duration.ofMillis(100).toNanos());
            if (e != null && e.actorId().equals(id) && e.action().equals("die")) {
                die = e;
            }
        }
        assertThat(die).as("a die event within 10 s").isNotNull();
        assertThat(die.attributes()).containsEntry("exitCode", "4").containsEntry("image", "bb");
    }

    @Test
    void healthcheck_goesStartingThenUnhealthyThenHealthy() throws InterruptedException {
        Healthcheck check = new Healthcheck(List.of("CMD-SHELL", "test -f /tmp/ok"), Duration.ofMillis(200),
                Duration.ofSeconds(5), Duration.ZERO, Duration.ZERO, 2);
        String id = fx.engine.create(RunRequest.builder("bb").command("sleep", "1000").healthcheck(check).build());
        fx.engine.start(id);
        assertThat(fx.engine.inspect(id).health().status()).isEqualTo(Health.STARTING);

        await("unhealthy", () -> fx.engine.inspect(id).health().status().equals(Health.UNHEALTHY));
        Health unhealthy = fx.engine.inspect(id).health();
        assertThat(unhealthy.failingStreak()).isGreaterThanOrEqualTo(2);
        assertThat(unhealthy.log()).extracting(HealthLogEntry::exitCode).contains(1);

        fx.engine.exec(id, new ExecRequest(List.of("touch", "/tmp/ok"), List.of(), null, false));
        await("healthy", () -> fx.engine.inspect(id).health().status().equals(Health.HEALTHY));
        assertThat(fx.engine.inspect(id).health().failingStreak()).isZero();

        // the event follows the saved status
        List<EngineEvent> seen = new ArrayList<>();
        await("the healthy event", () -> {
            try {
                return actionsOf(id, seen).contains("health_status: healthy");
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(actionsOf(id, seen).stream().filter(a -> a.startsWith("health_status")))
                .containsExactly("health_status: unhealthy", "health_status: healthy");
    }

    @Test
    void healthcheck_probePastItsTimeout_isKilled_andCountsAsAFailure() {
        Healthcheck check = new Healthcheck(List.of("CMD", "sleep", "30"), Duration.ofMillis(200),
                Duration.ofMillis(300), Duration.ZERO, Duration.ZERO, 1);
        String id = fx.engine.create(RunRequest.builder("bb").command("sleep", "1000").healthcheck(check).build());
        fx.engine.start(id);

        await("unhealthy", () -> fx.engine.inspect(id).health().status().equals(Health.UNHEALTHY));
        HealthLogEntry probe = fx.engine.inspect(id).health().log().getFirst();
        assertThat(probe.exitCode()).isEqualTo(-1);
        assertThat(probe.output()).isEqualTo("Health check exceeded timeout (300ms)");
        // probes run one after another: any more than the one under way would be one left behind
        await("a few more probes", () -> fx.engine.inspect(id).health().failingStreak() >= 4);
        ExecResult ps = fx.engine.exec(id, new ExecRequest(List.of("ps", "-o", "args"), List.of(), null, false));
        assertThat(ps.stdout().lines().filter(l -> l.contains("sleep 30"))).as("probes left running").hasSizeLessThanOrEqualTo(1);
    }
}
