package dev.berth.engine;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The engine's events: each one is kept in a bounded history (the last {@link #HISTORY}, as
 * Docker keeps 256) and handed to every subscription. A subscription gets the kept events since
 * a time and then the new ones, with none lost or repeated in between; a subscriber too slow to
 * take {@code capacity} events is cut off rather than let the engine's memory grow.
 */
public final class EventBus {

    /** How many past events are kept for {@code since}. */
    public static final int HISTORY = 256;

    private final ArrayDeque<EngineEvent> history = new ArrayDeque<>();
    private final List<Subscription> subscriptions = new ArrayList<>();
    private long lastNano;

    /** Records an event now and hands it to every subscription; never blocks. */
    synchronized EngineEvent publish(String type, String action, String actorId, Map<String, String> attributes) {
        Instant now = Instant.now();
        long nano = now.getEpochSecond() * 1_000_000_000L + now.getNano();
        // strictly increasing, so that since/until by timeNano never split or repeat an event
        lastNano = Math.max(nano, lastNano + 1);
        EngineEvent event = new EngineEvent(type, action, actorId, attributes, lastNano);
        history.addLast(event);
        if (history.size() > HISTORY) {
            history.removeFirst();
        }
        for (Subscription s : subscriptions) {
            s.offer(event);
        }
        // a subscriber cut off, and never closed by its owner, is not kept for ever
        subscriptions.removeIf(Subscription::ended);
        return event;
    }

    /**
     * Subscribes: {@link Subscription#replay()} holds the kept events at or after {@code sinceNanos}
     * ({@link Long#MAX_VALUE}: none), {@link Subscription#next} the later ones.
     *
     * @param capacity how many new events may wait for the subscriber before it is cut off
     */
    public synchronized Subscription subscribe(long sinceNanos, int capacity) {
        List<EngineEvent> replay = history.stream().filter(e -> e.timeNano() >= sinceNanos).toList();
        Subscription s = new Subscription(replay, capacity);
        subscriptions.add(s);
        return s;
    }

    private synchronized void remove(Subscription s) {
        subscriptions.remove(s);
    }

    /** One subscriber's view of the events; close it when done. */
    public final class Subscription implements AutoCloseable {

        private static final EngineEvent END = new EngineEvent("", "", "", Map.of(), 0);

        private final List<EngineEvent> replay;
        private final LinkedBlockingQueue<EngineEvent> queue;
        private volatile boolean ended;
        private volatile boolean overflowed;

        private Subscription(List<EngineEvent> replay, int capacity) {
            this.replay = replay;
            // one more place for the end marker
            this.queue = new LinkedBlockingQueue<>(capacity + 1);
        }

        /** The kept events since the time asked for, the oldest first. */
        public List<EngineEvent> replay() {
            return replay;
        }

        private void offer(EngineEvent e) {
            if (ended) {
                return;
            }
            if (queue.remainingCapacity() <= 1) {
                overflowed = true;
                end();
                return;
            }
            queue.offer(e);
        }

        /**
         * The next new event, waiting at most {@code timeoutNanos}; null when none came in time or
         * the subscription has ended (closed, or cut off: see {@link #overflowed()}).
         */
        public EngineEvent next(long timeoutNanos) throws InterruptedException {
            if (ended && queue.isEmpty()) {
                return null;
            }
            EngineEvent e = queue.poll(timeoutNanos, TimeUnit.NANOSECONDS);
            return e == END ? null : e;
        }

        /** True once closed or cut off: {@link #next} gives nothing more. */
        public boolean ended() {
            return ended;
        }

        /** True when the subscriber fell {@code capacity} events behind and was cut off. */
        public boolean overflowed() {
            return overflowed;
        }

        private void end() {
            ended = true;
            queue.offer(END);
        }

        /** Ends the subscription, waking a waiting {@link #next}; later calls do nothing. */
        @Override
        public void close() {
            if (!ended) {
                end();
            }
            remove(this);
        }
    }
}
