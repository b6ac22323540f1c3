package lanchat.server;

import java.time.Duration;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;

/**
 * Spaces each connection's writes at least {@code --coalesce} apart, so that frames queued for one client in
 * between leave together, in one {@code write()}. Nagle's algorithm in user space, with a bound on the delay: a
 * client that was written to less than {@code interval} ago waits until then; one that was not is written to at
 * once, so a quiet chat sees no delay at all.
 *
 * <p>Why: on a busy room every member's outbox gets a frame every few hundred microseconds, and a writer that
 * sends each one on its own makes one system call (and, on loopback, the receiver's whole TCP processing) per
 * delivery. Measured with {@code scripts/bench fanout}: that was two thirds of the server's CPU.
 *
 * <p>One platform thread ({@code coalescer}) for the whole server sleeps until the earliest outbox is due, then
 * wakes that outbox's writer; {@link Outbox} decides when to ask ({@link #wakeAt}).
 */
final class Coalescer implements AutoCloseable {
    /** Writes go out as soon as they are queued; starts no thread. */
    static final Coalescer OFF = new Coalescer(Duration.ZERO);

    private final long intervalNanos;
    private final DelayQueue<Due> due = new DelayQueue<>();
    private final Thread thread;
    private volatile boolean closed;

    /** An outbox to wake at {@code atNanos} ({@link System#nanoTime()}). */
    private record Due(Outbox outbox, long atNanos) implements Delayed {
        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(atNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(atNanos, ((Due) other).atNanos);
        }
    }

    Coalescer(Duration interval) {
        this.intervalNanos = interval.toNanos();
        this.thread = intervalNanos == 0 ? null : Thread.ofPlatform().daemon().name("coalescer").start(this::run);
    }

    /** The least time between two writes to one connection, in nanoseconds; 0 when off or closed. */
    long intervalNanos() {
        return closed ? 0 : intervalNanos;
    }

    /** Calls {@link Outbox#due()} at {@code atNanos}, or at once once this coalescer is closed. */
    void wakeAt(Outbox outbox, long atNanos) {
        due.add(new Due(outbox, atNanos));
        if (closed) {
            wakeEveryone();
        }
    }

    /** Stops the thread and wakes every outbox still waiting, so nothing queued is left behind. */
    @Override
    public void close() {
        if (thread != null) {
            closed = true;
            thread.interrupt();
            wakeEveryone();
        }
    }

    private void run() {
        try {
            while (!closed) {
                due.take().outbox().due();
            }
        } catch (InterruptedException e) {
            // closed
        }
    }

    private void wakeEveryone() {
        for (Object waiting : due.toArray()) {
            if (due.remove(waiting)) {
                ((Due) waiting).outbox().due();
            }
        }
    }
}
