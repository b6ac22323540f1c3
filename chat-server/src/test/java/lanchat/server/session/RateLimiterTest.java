package lanchat.server.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 5, unit = TimeUnit.SECONDS)
class RateLimiterTest {
    private final AtomicLong nanos = new AtomicLong(1_000);

    @Test
    void allowsABurstThenRefillsAtTheRate() {
        RateLimiter limiter = new RateLimiter(2, 3, nanos::get);
        assertEquals("TTTF", take(limiter, 4));
        nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(499));
        assertEquals("F", take(limiter, 1));
        nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(1));
        assertEquals("TF", take(limiter, 2));
    }

    @Test
    void neverHoldsMoreThanTheBurst() {
        RateLimiter limiter = new RateLimiter(10, 2, nanos::get);
        nanos.addAndGet(TimeUnit.HOURS.toNanos(1));
        assertEquals("TTF", take(limiter, 3));
    }

    @Test
    void rateZeroMeansNoLimit() {
        RateLimiter limiter = new RateLimiter(0, 1, nanos::get);
        assertEquals("T".repeat(1_000), take(limiter, 1_000));
    }

    private static String take(RateLimiter limiter, int times) {
        StringBuilder results = new StringBuilder();
        for (int i = 0; i < times; i++) {
            results.append(limiter.tryAcquire() ? 'T' : 'F');
        }
        return results.toString();
    }
}
