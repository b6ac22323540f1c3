package lanchat.server.transport;

import java.time.Duration;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;
import lanchat.server.runtime.LastResort;

/**
 * Lets each connection be written to at most once per tick ({@code --coalesce}, 2 ms by default), so that frames
 * queued for one client within a tick leave together, in one {@code write()}. Nagle's algorithm in user space,
 * with a bound on the delay: a client written to since the last tick waits for the next one; a client that was
 * not is written to at once, so a quiet chat sees no delay at all.
 *
 * <p>Why: on a busy room every member's outbox gets a frame every few hundred microseconds, and a writer that
 * sends each one on its own makes one system call per delivery (on loopback, with the receiver's TCP processing
 * and wake-up in the same call). The README's Performance section has the figures.
 *
 * <p>Ticks are the same for every connection (multiples of the interval since the coalescer started), so one
 * thread ({@code coalescer}) wakes once per tick and wakes every waiting writer in one burst, instead of once per
 * connection. It is a virtual thread, so the writers it wakes are queued on its own carrier first rather than
 * handed over from outside the scheduler (fewer futex calls). {@link WritePacing} decides when an outbox waits
 * ({@link #tickAfter}, {@link #wakeAt}); the coalescer only wakes what asked to be woken ({@link Wakeable}).
 */
public final class Coalescer implements AutoCloseable {
    /** Something the coalescer wakes at a tick: an {@link Outbox}. */
    public interface Wakeable {
        /** The tick asked for has come. Called on the coalescer's thread; must not block. */
        void due();
    }


    /** Writes go out as soon as they are queued; starts no thread. */
    public static final Coalescer OFF = new Coalescer(Duration.ZERO);

    private final long intervalNanos;
    private final long originNanos;
    private final DelayQueue<Due> due = new DelayQueue<>();
    private final Thread thread;
    private final LastResort lastResort;
    private volatile boolean closed;

    /** An outbox to wake at {@code atNanos} ({@link System#nanoTime()}). */
    private record Due(Wakeable outbox, long atNanos) implements Delayed {
        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(atNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed other) {
            // By difference, as System.nanoTime() values must be compared: the raw values may overflow.
            return Long.signum(atNanos - ((Due) other).atNanos);
        }
    }

    public Coalescer(Duration interval) {
        this(interval, LastResort.logOnly());
    }

    /** A coalescer whose thread hands what it does not expect to {@code lastResort}. */
    public Coalescer(Duration interval, LastResort lastResort) {
        this(interval, System.nanoTime(), lastResort);
    }

    /** A coalescer whose ticks fall on {@code originNanos} plus multiples of {@code interval}. */
    public Coalescer(Duration interval, long originNanos) {
        this(interval, originNanos, LastResort.logOnly());
    }

    private Coalescer(Duration interval, long originNanos, LastResort lastResort) {
        this.intervalNanos = interval.toNanos();
        this.originNanos = originNanos;
        this.lastResort = lastResort;
        this.thread = intervalNanos == 0 ? null : Thread.ofVirtual().name("coalescer").start(this::run);
    }

    /** Whether writes wait for ticks: false when off, and once closed. */
    boolean on() {
        return intervalNanos > 0 && !closed;
    }

    /** The first tick after {@code nanos} ({@link System#nanoTime()}). */
    long tickAfter(long nanos) {
        return originNanos + (Math.floorDiv(nanos - originNanos, intervalNanos) + 1) * intervalNanos;
    }

    /** Calls {@link Wakeable#due()} at {@code atNanos}, or at once once this coalescer is closed. */
    void wakeAt(Wakeable outbox, long atNanos) {
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
                wake(due.take().outbox());
            }
        } catch (InterruptedException e) {
            // closed
        }
    }

    // A bug in one outbox must not stop the coalescer: every other waiting writer would wait for ever.
    private void wake(Wakeable outbox) {
        try {
            outbox.due();
        } catch (Throwable failure) {
            lastResort.caught("coalescer, waking a writer", failure);
        }
    }

    private void wakeEveryone() {
        for (Object waiting : due.toArray()) {
            if (due.remove(waiting)) {
                wake(((Due) waiting).outbox());
            }
        }
    }
}
