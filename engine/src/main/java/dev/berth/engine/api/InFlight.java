package dev.berth.engine.api;

import java.time.Duration;

/** Counts the requests being answered, so that a shutdown can let them finish. */
final class InFlight {

    private int count;

    synchronized void begin() {
        count++;
    }

    synchronized void end() {
        count--;
        if (count == 0) {
            notifyAll();
        }
    }

    /** Waits until no request is being answered or {@code deadline} passes; true when idle. */
    synchronized boolean awaitIdle(Duration deadline) throws InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        while (count > 0) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }
}
