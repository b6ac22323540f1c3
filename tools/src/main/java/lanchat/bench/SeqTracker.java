package lanchat.bench;

import java.util.BitSet;

/**
 * Checks one receiver's deliveries in one room against the protocol's promise: every member gets every
 * {@code seq} exactly once, in increasing order. Counts duplicates (a seq seen before) and out-of-order
 * deliveries (a new seq below the highest seen so far); {@link #lostUpTo} counts the seqs that never came.
 *
 * <p>Not thread-safe: owned by one receiver thread, read by the main thread after that thread has ended.
 */
final class SeqTracker {
    private final BitSet seen = new BitSet();
    private long highest;
    private long received;
    private long duplicates;
    private long outOfOrder;

    /** Records the delivery of {@code seq} (1 or more); true when it is new, false for a duplicate. */
    boolean record(long seq) {
        if (seq < 1 || seq > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("seq outside 1.." + Integer.MAX_VALUE + ": " + seq);
        }
        received++;
        int index = (int) seq;
        if (seen.get(index)) {
            duplicates++;
            return false;
        }
        seen.set(index);
        if (seq < highest) {
            outOfOrder++;
        }
        highest = Math.max(highest, seq);
        return true;
    }

    /** How many different seqs from 1 to {@code lastSeq} arrived. */
    long distinctUpTo(long lastSeq) {
        if (lastSeq < 1) {
            return 0;
        }
        return seen.get(1, (int) Math.min(lastSeq, Integer.MAX_VALUE - 1) + 1).cardinality();
    }

    /** How many seqs from 1 to {@code lastSeq} never arrived. */
    long lostUpTo(long lastSeq) {
        return Math.max(0, lastSeq) - distinctUpTo(lastSeq);
    }

    long highest() {
        return highest;
    }

    long received() {
        return received;
    }

    long duplicates() {
        return duplicates;
    }

    long outOfOrder() {
        return outOfOrder;
    }
}
