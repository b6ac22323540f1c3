package lanchat.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class LatencyHistogramTest {

    @Test
    void emptyHistogramReportsZero() {
        LatencyHistogram histogram = new LatencyHistogram();
        assertEquals(0, histogram.percentile(99));
        assertEquals(0, histogram.max());
        assertEquals(0, histogram.min());
        assertEquals(0, histogram.count());
    }

    @Test
    void percentilesOfOneToThousandAreExactNearestRanks() {
        LatencyHistogram histogram = new LatencyHistogram();
        for (int micros = 1; micros <= 1000; micros++) {
            histogram.record(micros);
        }
        assertEquals(500, histogram.percentile(50));
        assertEquals(900, histogram.percentile(90));
        assertEquals(990, histogram.percentile(99));
        assertEquals(999, histogram.percentile(99.9));
        assertEquals(1000, histogram.percentile(100));
        assertEquals(1, histogram.percentile(0));
        assertEquals(500.5, histogram.mean(), 1e-9);
    }

    @Test
    void largeValuesAreWithinTwoTenthsOfAPercent() {
        long[] values = {1_024, 1_025, 4_999, 123_457, 9_876_543, 3_600_000_000L};
        for (long value : values) {
            LatencyHistogram histogram = new LatencyHistogram();
            histogram.record(value);
            histogram.record(value * 2);
            long reported = histogram.percentile(50);
            assertTrue(reported >= value && reported <= value * 1.002, value + " reported as " + reported);
        }
    }

    @Test
    void percentileNeverExceedsTheExactMaximum() {
        LatencyHistogram histogram = new LatencyHistogram();
        histogram.record(123_457);
        assertEquals(123_457, histogram.percentile(100));
        assertEquals(123_457, histogram.max());
    }

    @Test
    void bucketsAreContiguousAndOrdered() {
        int last = LatencyHistogram.indexOf(LatencyHistogram.MAX_MICROS);
        for (int index = 0; index < last; index++) {
            long top = LatencyHistogram.highestIn(index);
            assertEquals(index, LatencyHistogram.indexOf(top), "top of bucket " + index);
            assertEquals(index + 1, LatencyHistogram.indexOf(top + 1), "first value after bucket " + index);
        }
    }

    @Test
    void negativeAndHugeValuesAreClamped() {
        LatencyHistogram histogram = new LatencyHistogram();
        histogram.record(-5);
        histogram.record(Long.MAX_VALUE);
        assertEquals(0, histogram.min());
        assertEquals(LatencyHistogram.MAX_MICROS, histogram.max());
    }

    @Test
    void addMergesCountsAndExtremes() {
        LatencyHistogram a = new LatencyHistogram();
        LatencyHistogram b = new LatencyHistogram();
        a.record(10);
        b.record(20);
        b.record(30);
        a.add(b);
        assertEquals(3, a.count());
        assertEquals(10, a.min());
        assertEquals(30, a.max());
        assertEquals(20, a.percentile(50));
    }

    @Test
    void rejectsPercentOutsideZeroToHundred() {
        assertThrows(IllegalArgumentException.class, () -> new LatencyHistogram().percentile(100.1));
    }
}
