package lanchat.server.cluster;

import java.time.Duration;

/**
 * When to try Redis again after a failure: at once the first time, then after a delay that doubles with each
 * failure, from {@code min} up to {@code max}. Not thread-safe: each owner (a {@link RedisLink}, a {@link RoomFeed})
 * uses its own under its own lock or thread.
 */
final class Backoff {
    private final long minNanos;
    private final long maxNanos;
    private long delayNanos;
    private long nextAttempt = System.nanoTime();

    Backoff(Duration min, Duration max) {
        if (min.isNegative() || min.isZero()) {
            throw new IllegalArgumentException("min <= 0: " + min);
        }
        if (max.compareTo(min) < 0) {
            throw new IllegalArgumentException("max < min: " + max);
        }
        this.minNanos = min.toNanos();
        this.maxNanos = max.toNanos();
    }

    /** True when the next attempt may be made now. */
    boolean due() {
        return System.nanoTime() - nextAttempt >= 0; // nanoTime values are compared by their difference
    }

    /** Nanoseconds until the next attempt may be made (0 when due). */
    long remainingNanos() {
        return Math.max(0, nextAttempt - System.nanoTime());
    }

    /** An attempt failed: the next one waits twice as long as the last, within [min, max]. */
    void failed() {
        delayNanos = delayNanos == 0 ? minNanos : Math.min(maxNanos, delayNanos * 2);
        nextAttempt = System.nanoTime() + delayNanos;
    }

    /** An attempt succeeded: the next failure is retried after {@code min} again. */
    void succeeded() {
        delayNanos = 0;
        nextAttempt = System.nanoTime();
    }
}
