package dev.berth.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventBusTest {

    private static EngineEvent publish(EventBus bus, String action) {
        return bus.publish(EngineEvent.CONTAINER, action, "c1", Map.of("name", "web"));
    }

    @Test
    void publish_givesStrictlyIncreasingTimes() {
        EventBus bus = new EventBus();
        long last = 0;
        for (int i = 0; i < 1000; i++) {
            long t = publish(bus, "start").timeNano();
            assertThat(t).isGreaterThan(last);
            last = t;
        }
    }

    @Test
    void subscribe_replaysFromSince_thenHandsOnNewEvents_inOrder() throws InterruptedException {
        EventBus bus = new EventBus();
        publish(bus, "create");
        EngineEvent start = publish(bus, "start");
        try (EventBus.Subscription s = bus.subscribe(start.timeNano(), 10)) {
            publish(bus, "die");
            publish(bus, "destroy");

            assertThat(s.replay()).extracting(EngineEvent::action).containsExactly("start");
            assertThat(s.next(1_000_000_000L).action()).isEqualTo("die");
            assertThat(s.next(1_000_000_000L).action()).isEqualTo("destroy");
            assertThat(s.next(1_000_000L)).isNull();
            assertThat(s.ended()).isFalse();
        }
    }

    @Test
    void subscribe_withoutSince_replaysNothing() {
        EventBus bus = new EventBus();
        publish(bus, "create");

        try (EventBus.Subscription s = bus.subscribe(Long.MAX_VALUE, 10)) {
            assertThat(s.replay()).isEmpty();
        }
    }

    @Test
    void history_keepsTheLastEventsOnly() {
        EventBus bus = new EventBus();
        List<EngineEvent> all = new ArrayList<>();
        for (int i = 0; i < EventBus.HISTORY + 10; i++) {
            all.add(publish(bus, "a" + i));
        }

        try (EventBus.Subscription s = bus.subscribe(Long.MIN_VALUE, 10)) {
            assertThat(s.replay()).hasSize(EventBus.HISTORY);
            assertThat(s.replay().getFirst()).isEqualTo(all.get(10));
        }
    }

    @Test
    void aSubscriberTooFarBehind_isCutOff_afterWhatItHadTaken() throws InterruptedException {
        EventBus bus = new EventBus();
        try (EventBus.Subscription s = bus.subscribe(Long.MAX_VALUE, 2)) {
            publish(bus, "one");
            publish(bus, "two");
            publish(bus, "three");

            assertThat(s.overflowed()).isTrue();
            assertThat(s.next(1_000_000L).action()).isEqualTo("one");
            assertThat(s.next(1_000_000L).action()).isEqualTo("two");
            assertThat(s.next(1_000_000L)).isNull();
            assertThat(s.ended()).isTrue();
        }
    }

    @Test
    void close_wakesAWaitingSubscriber() throws Exception {
        EventBus bus = new EventBus();
        EventBus.Subscription s = bus.subscribe(Long.MAX_VALUE, 10);
        Thread closer = Thread.ofVirtual().start(s::close);
        closer.join();

        assertThat(s.next(Long.MAX_VALUE)).isNull();
        assertThat(s.ended()).isTrue();
        publish(bus, "after");
        assertThat(s.next(1_000_000L)).isNull();
    }
}
