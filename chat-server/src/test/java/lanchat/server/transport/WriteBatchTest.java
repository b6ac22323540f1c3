package lanchat.server.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Joining queued frames into writes of at most {@link WriteBatch#MAX_BYTES}, and what counted against the limit. */
@Timeout(10)
class WriteBatchTest {

    private static byte[] bytes(int length, int fill) {
        byte[] frame = new byte[length];
        Arrays.fill(frame, (byte) fill);
        return frame;
    }

    private static ArrayDeque<WriteBatch.Queued> queue(WriteBatch.Queued... frames) {
        return new ArrayDeque<>(Arrays.asList(frames));
    }

    @Test
    void joinsFramesInOrderUpToTheLimitThenStartsTheNextWrite() {
        byte[] a = bytes(50_000, 1);
        byte[] b = bytes(25_000, 2);
        byte[] c = bytes(10, 3);
        WriteBatch batch = new WriteBatch();
        ArrayDeque<WriteBatch.Queued> empty = batch.take(queue(new WriteBatch.Queued(a, true),
                new WriteBatch.Queued(b, false), new WriteBatch.Queued(c, true)));
        assertTrue(empty.isEmpty(), "the queue handed back is the batch's empty one");

        byte[] first = batch.next();
        assertTrue(first == a, "a and b together would pass 64 KiB: a goes alone, not copied");
        assertEquals(50_000, batch.length());
        assertEquals(50_000, batch.countedInLastWrite());

        byte[] second = batch.next();
        assertEquals(25_010, batch.length());
        byte[] expected = Arrays.copyOf(b, 25_010);
        System.arraycopy(c, 0, expected, 25_000, 10);
        assertTrue(Arrays.equals(expected, Arrays.copyOf(second, batch.length())), "b then c, joined");
        assertEquals(10, batch.countedInLastWrite(), "b is a replay: only c counted");

        assertNull(batch.next());
    }

    @Test
    void aFrameLargerThanTheLimitIsWrittenOnItsOwn() {
        byte[] large = bytes(WriteBatch.MAX_BYTES + 1, 7);
        WriteBatch batch = new WriteBatch();
        batch.take(queue(new WriteBatch.Queued(bytes(5, 1), true), new WriteBatch.Queued(large, true)));
        batch.next();
        assertEquals(5, batch.length());
        assertTrue(batch.next() == large, "written on its own, not copied");
        assertEquals(WriteBatch.MAX_BYTES + 1, batch.length());
    }

    @Test
    void droppingForgetsTheRestAndSaysHowMuchOfItCounted() {
        WriteBatch batch = new WriteBatch();
        batch.take(queue(new WriteBatch.Queued(bytes(40_000, 1), true), new WriteBatch.Queued(bytes(30_000, 2), true),
                new WriteBatch.Queued(bytes(100, 3), false)));
        batch.next();
        assertEquals(30_000, batch.drop());
        assertNull(batch.next());
    }
}
