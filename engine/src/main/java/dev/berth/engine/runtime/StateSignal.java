package dev.berth.engine.runtime;

/**
 * Wakes the threads of this process that wait for a container's state to change (wait on a
 * container that has not started yet, wait for its removal). A change made by another process on
 * the data root is not signalled: waiters also re-read the state after a bounded wait.
 */
final class StateSignal {

    private long version;

    /** The number of changes signalled so far; pass it to {@link #awaitChange} to miss none. */
    synchronized long version() {
        return version;
    }

    synchronized void changed() {
        version++;
        notifyAll();
    }

    /** Returns once a change after {@code seen} was signalled, or after {@code millis}. */
    synchronized void awaitChange(long seen, long millis) {
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (version == seen) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return;
            }
            try {
                wait(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
