package lanchat.bench;

/**
 * Counts latencies in microseconds without allocating per value, so recording costs a few nanoseconds on a
 * receiver's hot path. Values below 1,024 µs get a bucket each; above that every power of two is split into
 * 512 buckets, so a reported percentile is within 0.2 % of the true value (the layout of HdrHistogram, cut
 * down to what a benchmark needs). Values above {@link #MAX_MICROS} count as {@code MAX_MICROS}.
 *
 * <p>Not thread-safe: each receiver thread records into its own histogram; the main thread {@link #add}s them
 * together after those threads have ended.
 */
final class LatencyHistogram {
    /** The largest value kept exactly enough: 2^32 µs, about 71 minutes. */
    static final long MAX_MICROS = (1L << 32) - 1;
    private static final int EXACT_BITS = 10;
    private static final int EXACT = 1 << EXACT_BITS;
    private static final int HALF = EXACT / 2;
    private static final int BUCKETS = EXACT + (64 - Long.numberOfLeadingZeros(MAX_MICROS) - EXACT_BITS) * HALF;

    private final long[] counts = new long[BUCKETS];
    private long count;
    private long sum;
    private long max;
    private long min = Long.MAX_VALUE;

    /** Records one value; negative values (clock skew) count as 0. */
    void record(long micros) {
        long value = Math.min(Math.max(micros, 0), MAX_MICROS);
        counts[indexOf(value)]++;
        count++;
        sum += value;
        max = Math.max(max, value);
        min = Math.min(min, value);
    }

    /** Adds every value recorded in {@code other} to this histogram. */
    void add(LatencyHistogram other) {
        for (int i = 0; i < BUCKETS; i++) {
            counts[i] += other.counts[i];
        }
        count += other.count;
        sum += other.sum;
        max = Math.max(max, other.max);
        min = Math.min(min, other.min);
    }

    long count() {
        return count;
    }

    /** The largest value recorded, exactly; 0 when empty. */
    long max() {
        return max;
    }

    /** The smallest value recorded, exactly; 0 when empty. */
    long min() {
        return count == 0 ? 0 : min;
    }

    double mean() {
        return count == 0 ? 0 : (double) sum / count;
    }

    /**
     * The value below or at which {@code percent} % of the recorded values lie (nearest-rank: the value of
     * rank ceil(percent / 100 * count)), reported as the top of its bucket but never above {@link #max()}; 0
     * when empty.
     */
    long percentile(double percent) {
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("percent outside 0..100: " + percent);
        }
        if (count == 0) {
            return 0;
        }
        // The epsilon keeps 99.9 % of 1,000 at rank 999 despite binary fractions.
        long rank = Math.max(1, (long) Math.ceil(percent * count / 100.0 - 1e-9));
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return Math.min(highestIn(i), max);
            }
        }
        return max;
    }

    /** The bucket of a value: the value itself below 1,024, else 512 buckets per power of two. */
    static int indexOf(long value) {
        if (value < EXACT) {
            return (int) value;
        }
        int shift = 64 - Long.numberOfLeadingZeros(value) - EXACT_BITS;
        return EXACT + (shift - 1) * HALF + (int) (value >>> shift) - HALF;
    }

    /** The largest value that falls into bucket {@code index}. */
    static long highestIn(int index) {
        if (index < EXACT) {
            return index;
        }
        int shift = (index - EXACT) / HALF + 1;
        long sub = (index - EXACT) % HALF + HALF;
        return ((sub + 1) << shift) - 1;
    }
}
