package lanchat.server.transport;

/**
 * When one connection's next write may go: at once if it was not written to since the {@link Coalescer}'s last
 * tick, else at the next tick, unless {@value #EAGER_BYTES} bytes or more are waiting (waiting for more would not
 * save a system call). This is the optional stage that coalescing adds to an {@link Outbox}; with the coalescer
 * off it never waits. Not thread-safe: its {@link SendQueue} calls it with its lock held.
 */
final class WritePacing {
    // Queued bytes worth a write of their own: waiting for more would not save a system call.
    static final int EAGER_BYTES = 32 * 1024;
    private static final long NEVER = Long.MIN_VALUE;

    private final Coalescer coalescer;
    private final Coalescer.Wakeable owner;
    // When the last batch was taken to be written (System.nanoTime()), and whether the coalescer will wake us.
    private long lastWriteNanos = NEVER;
    private boolean wakeBooked;

    /** Pacing for {@code owner}, which the coalescer wakes at the tick it waits for. */
    WritePacing(Coalescer coalescer, Coalescer.Wakeable owner) {
        this.coalescer = coalescer;
        this.owner = owner;
    }

    /** True when {@code queuedBytes} are worth a write now, whatever the tick. */
    boolean eager(long queuedBytes) {
        return queuedBytes >= EAGER_BYTES;
    }

    boolean wakeBooked() {
        return wakeBooked;
    }

    /** A batch was taken to be written now. */
    void wroteNow() {
        lastWriteNanos = System.nanoTime();
    }

    /** The coalescer woke the owner: the booked tick has come. */
    void tickCame() {
        wakeBooked = false;
    }

    /**
     * True when this connection was written to since the coalescer's last tick; then the coalescer is asked
     * (once) to wake the owner at the next tick.
     */
    boolean waitForNextTick() {
        if (!coalescer.on() || lastWriteNanos == NEVER) {
            return false;
        }
        if (wakeBooked) {
            return true;
        }
        long dueNanos = coalescer.tickAfter(lastWriteNanos);
        if (dueNanos - System.nanoTime() <= 0) {
            return false;
        }
        wakeBooked = true;
        coalescer.wakeAt(owner, dueNanos);
        return true;
    }
}
