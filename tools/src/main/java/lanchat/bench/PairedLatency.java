package lanchat.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * An A/B comparison of a latency percentile on a machine whose background load drifts: runs without (A) and
 * with (B) a disturbance alternate, A B A B …, so a drift that lasts longer than a pair falls on both sides
 * alike. The headline is the ratio of the pooled percentiles (every A run's values in one histogram, every B
 * run's in another), which weighs each run by its deliveries; each pair's own ratio and their median show
 * how much the pairs agree.
 *
 * <p>Not thread-safe: filled in and read by the main thread. It keeps the histograms it is given, which must
 * not change afterwards.
 */
final class PairedLatency {
    private final double percent;
    private final List<Pair> pairs = new ArrayList<>();

    /** One A run and the B run after it. */
    record Pair(LatencyHistogram without, LatencyHistogram with) {
    }

    /** Compares the {@code percent} percentile, e.g. 99. */
    PairedLatency(double percent) {
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("percent outside 0..100: " + percent);
        }
        this.percent = percent;
    }

    void add(LatencyHistogram without, LatencyHistogram with) {
        pairs.add(new Pair(without, with));
    }

    int pairs() {
        return pairs.size();
    }

    /** Every A run's values in one histogram. */
    LatencyHistogram pooledWithout() {
        return pooled(pairs.stream().map(Pair::without).toList());
    }

    /** Every B run's values in one histogram. */
    LatencyHistogram pooledWith() {
        return pooled(pairs.stream().map(Pair::with).toList());
    }

    /** The pooled B percentile over the pooled A percentile: the headline; NaN without pairs. */
    double pooledRatio() {
        return pairs.isEmpty() ? Double.NaN : ratio(pooledWithout(), pooledWith());
    }

    /** Each pair's B percentile over its A percentile, in run order. */
    List<Double> pairRatios() {
        return pairs.stream().map(pair -> ratio(pair.without(), pair.with())).toList();
    }

    /** The median of {@link #pairRatios()}: the middle one, or the mean of the middle two; NaN without pairs. */
    double medianPairRatio() {
        List<Double> sorted = pairRatios().stream().sorted().toList();
        int n = sorted.size();
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    // A percentile of 0 µs (nothing measured, or a loopback faster than the clock) counts as 1 µs.
    private double ratio(LatencyHistogram without, LatencyHistogram with) {
        return (double) with.percentile(percent) / Math.max(1, without.percentile(percent));
    }

    private static LatencyHistogram pooled(List<LatencyHistogram> runs) {
        LatencyHistogram pooled = new LatencyHistogram();
        runs.forEach(pooled::add);
        return pooled;
    }
}
