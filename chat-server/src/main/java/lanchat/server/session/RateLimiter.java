package lanchat.server.session;

import java.util.function.LongSupplier;

/**
 * A token bucket: it holds up to {@code burst} tokens and gains {@code perSecond} tokens a second; each
 * {@link #tryAcquire()} takes one or fails. A rate of 0 means no limit at all ({@code --rate-limit 0}). A session
 * uses one for its frames ({@code --rate-limit}, {@code --rate-burst}) and one as its error budget
 * ({@code --max-errors} a minute).
 *
 * <p>Not thread-safe: only the session's reader thread uses it.
 */
public final class RateLimiter {
    private static final double NANOS_PER_SECOND = 1e9;

    private final double tokensPerNano;
    private final double burst;
    private final LongSupplier nanoClock;
    private double tokens;
    private long updatedNanos;

    public RateLimiter(double perSecond, int burst, LongSupplier nanoClock) {
        if (perSecond < 0) {
            throw new IllegalArgumentException("perSecond < 0: " + perSecond);
        }
        if (burst < 1) {
            throw new IllegalArgumentException("burst < 1: " + burst);
        }
        this.tokensPerNano = perSecond / NANOS_PER_SECOND;
        this.burst = burst;
        this.nanoClock = nanoClock;
        this.tokens = burst;
        this.updatedNanos = nanoClock.getAsLong();
    }

    public RateLimiter(double perSecond, int burst) {
        this(perSecond, burst, System::nanoTime);
    }

    /** Takes a token if there is one (always, when the rate is 0); false means "over the limit". */
    public boolean tryAcquire() {
        if (tokensPerNano == 0) {
            return true;
        }
        long now = nanoClock.getAsLong();
        tokens = Math.min(burst, tokens + (now - updatedNanos) * tokensPerNano);
        updatedNanos = now;
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }
}
