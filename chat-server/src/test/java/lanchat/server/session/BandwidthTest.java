package lanchat.server.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link Bandwidth}: a second's worth at once, then waits that add up to the rate. */
@Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class BandwidthTest {
    private static final long MS = 1_000_000;

    private final AtomicLong now = new AtomicLong(5_000);

    @Test
    void aSecondsWorthPassesAtOnceAndTheRestWaits() {
        Bandwidth bandwidth = new Bandwidth(1000, now::get);
        assertEquals(0, bandwidth.reserve(600));
        assertEquals(0, bandwidth.reserve(400));
        assertEquals(100 * MS, bandwidth.reserve(100));
        assertEquals(300 * MS, bandwidth.reserve(200), "queued behind the first debt");
        now.addAndGet(300 * MS);
        assertEquals(0, bandwidth.reserve(0));
        now.addAndGet(2000 * MS);
        assertEquals(0, bandwidth.reserve(1000), "the bucket refills to one second's worth, no more");
        assertEquals(1 * MS, bandwidth.reserve(1));
    }

    @Test
    void zeroMeansNoCap() {
        Bandwidth bandwidth = new Bandwidth(0, now::get);
        assertEquals(0, bandwidth.reserve(Integer.MAX_VALUE));
        assertEquals(0, bandwidth.reserve(Integer.MAX_VALUE));
    }
}
