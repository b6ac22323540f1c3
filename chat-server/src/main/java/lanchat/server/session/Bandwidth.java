package lanchat.server.session;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * A token bucket of bytes that never says no: it tells a caller how long to wait instead. It holds up to one
 * second's worth of bytes; {@link #reserve} takes what the caller is about to pass on, going into debt if need
 * be, and returns the time until that debt is paid back. Callers that share it (the connections of one address)
 * queue up behind each other, so together they get {@code bytesPerSecond}. A rate of 0 never waits.
 * Thread-safe; never blocks.
 */
public final class Bandwidth {
    private static final double NANOS_PER_SECOND = 1e9;

    private final double bytesPerNano;
    private final double capacity;
    private final LongSupplier nanoClock;
    private final ReentrantLock lock = new ReentrantLock();
    private double tokens;
    private long updatedNanos;

    public Bandwidth(long bytesPerSecond, LongSupplier nanoClock) {
        if (bytesPerSecond < 0) {
            throw new IllegalArgumentException("bytesPerSecond < 0: " + bytesPerSecond);
        }
        this.bytesPerNano = bytesPerSecond / NANOS_PER_SECOND;
        this.capacity = bytesPerSecond;
        this.nanoClock = nanoClock;
        this.tokens = capacity;
        this.updatedNanos = nanoClock.getAsLong();
    }

    public Bandwidth(long bytesPerSecond) {
        this(bytesPerSecond, System::nanoTime);
    }

    /** Takes {@code bytes}; returns the nanoseconds to wait before passing them on, 0 for at once. */
    public long reserve(int bytes) {
        if (bytesPerNano == 0) {
            return 0;
        }
        lock.lock();
        try {
            long now = nanoClock.getAsLong();
            tokens = Math.min(capacity, tokens + (now - updatedNanos) * bytesPerNano);
            updatedNanos = now;
            tokens -= bytes;
            return tokens >= 0 ? 0 : (long) Math.ceil(-tokens / bytesPerNano);
        } finally {
            lock.unlock();
        }
    }
}
