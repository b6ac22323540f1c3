package lanchat.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class SeqTrackerTest {

    @Test
    void consecutiveSeqsHaveNoProblems() {
        SeqTracker tracker = new SeqTracker();
        for (long seq = 1; seq <= 100; seq++) {
            assertTrue(tracker.record(seq));
        }
        assertEquals(0, tracker.lostUpTo(100));
        assertEquals(0, tracker.duplicates());
        assertEquals(0, tracker.outOfOrder());
        assertEquals(100, tracker.highest());
    }

    @Test
    void gapsCountAsLost() {
        SeqTracker tracker = new SeqTracker();
        tracker.record(1);
        tracker.record(2);
        tracker.record(5);
        assertEquals(2, tracker.lostUpTo(5));
        assertEquals(4, tracker.lostUpTo(7));
        assertEquals(0, tracker.outOfOrder());
    }

    @Test
    void aSeqSeenTwiceIsADuplicate() {
        SeqTracker tracker = new SeqTracker();
        tracker.record(1);
        assertFalse(tracker.record(1));
        assertEquals(1, tracker.duplicates());
        assertEquals(2, tracker.received());
        assertEquals(0, tracker.lostUpTo(1));
    }

    @Test
    void aLateSeqIsOutOfOrderButNotLost() {
        SeqTracker tracker = new SeqTracker();
        tracker.record(1);
        tracker.record(3);
        tracker.record(2);
        assertEquals(1, tracker.outOfOrder());
        assertEquals(0, tracker.lostUpTo(3));
    }

    @Test
    void nothingIsLostUpToZero() {
        assertEquals(0, new SeqTracker().lostUpTo(0));
    }
}
