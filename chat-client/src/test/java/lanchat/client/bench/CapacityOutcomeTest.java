package lanchat.client.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class CapacityOutcomeTest {
    private static final long MIB = 1024 * 1024;

    private static ProcessSample rss(long bytes) {
        return new ProcessSample(0, 0, 0, 0, bytes, 18, 0);
    }

    private static CapacityOutcome outcome(int registered, int held, int registeredAtHalf) {
        // 40 MiB at start, 100 MiB with 5,000 clients (fixed costs included), 140 MiB with 10,000.
        return new CapacityOutcome(10_000, registered, held, 0, 0, 0, null, 1, rss(40 * MIB), rss(140 * MIB),
                new CapacityOutcome.Half(registeredAtHalf, rss(100 * MIB)));
    }

    @Test
    void theSecondHalfLeavesOutWhatTheFirstClientsCostOnce() {
        CapacityOutcome outcome = outcome(10_000, 10_000, 5_000);
        assertEquals(100.0 * MIB / 10_000, outcome.rssBytesPerConnection());
        assertEquals(40.0 * MIB / 5_000, outcome.rssBytesPerConnectionSecondHalf());
    }

    @Test
    void noSecondHalfFigureWhenAnyClientWasLost() {
        assertTrue(Double.isNaN(outcome(10_000, 9_999, 5_000).rssBytesPerConnectionSecondHalf()));
        assertTrue(Double.isNaN(outcome(5_000, 5_000, 5_000).rssBytesPerConnectionSecondHalf()));
    }
}
