package lanchat.server.history;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The server-wide bound on the bytes every {@link RoomHistory} keeps together ({@code --history-bytes}). A history
 * {@link #charge}s what it keeps and {@link #release}s what it forgets; when the total is {@link #over()} the
 * bound, the rooms' eviction (in the server's {@code Rooms}) forgets the oldest messages across all rooms until it
 * is back under {@link #lowWaterBytes()}. Each kept message also gets an {@link #nextOrder() order} number, so
 * "oldest across rooms" needs no clock. Thread-safe; any session thread calls it.
 */
public final class HistoryBudget {
    private final long limitBytes;
    private final AtomicLong usedBytes = new AtomicLong();
    private final AtomicLong orders = new AtomicLong();

    /** A budget of {@code limitBytes}; {@code Long.MAX_VALUE} for none. */
    public HistoryBudget(long limitBytes) {
        if (limitBytes < 0) {
            throw new IllegalArgumentException("limitBytes < 0: " + limitBytes);
        }
        this.limitBytes = limitBytes;
    }

    /** A budget that is never over: tests, and rooms made on their own. */
    public static HistoryBudget unlimited() {
        return new HistoryBudget(Long.MAX_VALUE);
    }

    public long limitBytes() {
        return limitBytes;
    }

    /** Bytes kept by every history now. */
    public long usedBytes() {
        return usedBytes.get();
    }

    /** True when the histories keep more than the limit: time to evict. */
    public boolean over() {
        return usedBytes.get() > limitBytes;
    }

    /**
     * Where an eviction stops: nine tenths of the limit, so that one pass over the rooms makes room for many
     * messages rather than one.
     */
    public long lowWaterBytes() {
        return limitBytes - limitBytes / 10;
    }

    /** The next message's place in the order messages were kept, across all rooms. */
    long nextOrder() {
        return orders.incrementAndGet();
    }

    void charge(long bytes) {
        usedBytes.addAndGet(bytes);
    }

    void release(long bytes) {
        usedBytes.addAndGet(-bytes);
    }
}
