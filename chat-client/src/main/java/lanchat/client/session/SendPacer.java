package lanchat.client.session;

import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import lanchat.protocol.Event;

/**
 * Keeps this client under the server's rate limit, so that lines piped in faster than the server allows are
 * delayed instead of dropped with {@code rate_limited}. The server counts every frame in a token bucket of
 * {@code rateBurst} tokens refilled at {@code rateLimit} a second (both in the {@code welcome}); this is the same
 * bucket on the sending side, a little stricter: 90 % of the rate, one token fewer, and the {@code hello} already
 * paid for. A rate of 0 means no limit, and the pacer never waits.
 *
 * <p>Thread-safe: the input thread and the threads of file transfers (which send their offers) take turns; a
 * lock makes a second caller wait behind the first. {@link #awaitTurn} blocks the calling thread while it waits.
 */
public final class SendPacer {
    private static final double SAFETY = 0.9;
    private static final double NANOS_PER_SECOND = 1e9;

    /** How the pacer waits; tests pass one that moves their clock instead. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final double tokensPerNano;
    private final double capacity;
    private final LongSupplier nanoClock;
    private final Sleeper sleeper;
    private final ReentrantLock lock = new ReentrantLock();
    private double tokens;
    private long updatedNanos;

    SendPacer(int perSecond, int burst, LongSupplier nanoClock, Sleeper sleeper) {
        if (perSecond < 0) {
            throw new IllegalArgumentException("perSecond < 0: " + perSecond);
        }
        if (burst < 0) {
            throw new IllegalArgumentException("burst < 0: " + burst);
        }
        this.tokensPerNano = perSecond * SAFETY / NANOS_PER_SECOND;
        this.capacity = Math.max(1, burst - 1);
        this.nanoClock = nanoClock;
        this.sleeper = sleeper;
        this.tokens = capacity - 1;
        this.updatedNanos = nanoClock.getAsLong();
    }

    /** A pacer for the limits a server announced in its welcome. */
    static SendPacer forLimitsOf(Event.Welcome welcome) {
        return new SendPacer(welcome.rateLimit(), welcome.rateBurst(), System::nanoTime, Thread::sleep);
    }

    /** Waits until one more frame may be sent without going over the limit, and counts it. */
    void awaitTurn() throws InterruptedException {
        if (tokensPerNano == 0) {
            return;
        }
        lock.lockInterruptibly();
        try {
            refill();
            if (tokens < 1) {
                sleeper.sleep(Duration.ofNanos((long) Math.ceil((1 - tokens) / tokensPerNano)));
                refill();
            }
            tokens -= 1;
        } finally {
            lock.unlock();
        }
    }

    private void refill() {
        long now = nanoClock.getAsLong();
        tokens = Math.min(capacity, tokens + (now - updatedNanos) * tokensPerNano);
        updatedNanos = now;
    }
}
