package lanchat.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class PairedLatencyTest {

    /** 100 values: 98 of {@code typical} µs and 2 of {@code tail} µs, so p99 is {@code tail}. */
    private static LatencyHistogram withTail(long typical, long tail) {
        LatencyHistogram histogram = new LatencyHistogram();
        for (int i = 0; i < 100; i++) {
            histogram.record(i < 98 ? typical : tail);
        }
        return histogram;
    }

    /** 100 values, all {@code micros}. */
    private static LatencyHistogram flat(long micros) {
        return withTail(micros, micros);
    }

    @Test
    void eachPairsRatioIsItsWithP99OverItsWithoutP99InRunOrder() {
        PairedLatency p99 = new PairedLatency(99);
        p99.add(flat(100), flat(150));
        p99.add(flat(400), flat(200));
        assertEquals(List.of(1.5, 0.5), p99.pairRatios());
        assertEquals(2, p99.pairs());
    }

    @Test
    void pooledRatioComparesThePercentilesOfAllValuesTogether() {
        PairedLatency p99 = new PairedLatency(99);
        // Without: 200 values, 100 of 100 µs and 100 of 300 µs, p99 300 µs. With: 100 of 120, 100 of 330.
        p99.add(flat(100), flat(120));
        p99.add(flat(300), flat(330));
        assertEquals(300, p99.pooledWithout().percentile(99));
        assertEquals(330, p99.pooledWith().percentile(99));
        assertEquals(200, p99.pooledWith().count());
        assertEquals(1.1, p99.pooledRatio(), 1e-9);
        assertEquals(List.of(1.2, 1.1), p99.pairRatios());
    }

    @Test
    void oneRunsTailWeighsAsItsShareOfAllValues() {
        PairedLatency p99 = new PairedLatency(99);
        // Its 2 slow values are 2 % of that run, its p99, but only 0.67 % of all 300 with values.
        p99.add(flat(100), withTail(100, 5_000));
        p99.add(flat(100), flat(100));
        p99.add(flat(100), flat(100));
        assertEquals(List.of(50.0, 1.0, 1.0), p99.pairRatios());
        assertEquals(1.0, p99.pooledRatio(), 1e-9);
        assertEquals(1.0, p99.medianPairRatio(), 1e-9);
    }

    @Test
    void medianOfAnOddCountIsTheMiddleRatio() {
        PairedLatency p99 = new PairedLatency(99);
        p99.add(flat(100), flat(300));
        p99.add(flat(100), flat(90));
        p99.add(flat(100), flat(110));
        assertEquals(1.1, p99.medianPairRatio(), 1e-9);
    }

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        PairedLatency p99 = new PairedLatency(99);
        p99.add(flat(100), flat(300));
        p99.add(flat(100), flat(90));
        p99.add(flat(100), flat(110));
        p99.add(flat(100), flat(50));
        assertEquals(1.0, p99.medianPairRatio(), 1e-9);
    }

    @Test
    void aZeroWithoutPercentileCountsAsOneMicrosecond() {
        PairedLatency p99 = new PairedLatency(99);
        p99.add(flat(0), flat(7));
        assertEquals(List.of(7.0), p99.pairRatios());
    }

    @Test
    void withoutPairsEveryRatioIsUnknown() {
        PairedLatency p99 = new PairedLatency(99);
        assertTrue(Double.isNaN(p99.pooledRatio()));
        assertTrue(Double.isNaN(p99.medianPairRatio()));
        assertEquals(List.of(), p99.pairRatios());
    }

    @Test
    void rejectsAPercentOutsideZeroToHundred() {
        assertThrows(IllegalArgumentException.class, () -> new PairedLatency(101));
    }
}
