package lanchat.server.transport;

import java.util.ArrayDeque;

/**
 * The frames one writer took, and the buffer it joins them in for each write (up to {@value #MAX_BYTES}
 * bytes, or one larger frame). Only the writer thread touches it. The writer keeps both while it runs, so a busy
 * connection allocates neither a queue nor an array per write.
 */
final class WriteBatch {
    /** The most bytes joined into one write; a larger frame is written on its own. */
    static final int MAX_BYTES = 64 * 1024;

    /** A queued frame; {@code counted} is false for a replay, which is outside the send-queue limit. */
    record Queued(byte[] frame, boolean counted) {
    }

    private ArrayDeque<Queued> frames = new ArrayDeque<>(4);
    private byte[] buffer = new byte[0];
    private int length;
    private long counted;

    /** Takes {@code queued} as this batch's frames; returns the (empty) queue to use instead. */
    ArrayDeque<Queued> take(ArrayDeque<Queued> queued) {
        ArrayDeque<Queued> empty = frames;
        frames = queued;
        return empty;
    }

    /** The next write: frames joined into one array, of which the first {@link #length()} bytes; null at end. */
    byte[] next() {
        Queued first = frames.poll();
        if (first == null) {
            return null;
        }
        length = first.frame().length;
        counted = first.counted() ? length : 0;
        if (frames.isEmpty() || length + frames.peek().frame().length > MAX_BYTES) {
            return first.frame();
        }
        int size = length;
        for (Queued each : frames) {
            if (size + each.frame().length > MAX_BYTES) {
                break;
            }
            size += each.frame().length;
        }
        if (buffer.length < size) {
            buffer = new byte[Math.max(size, Math.min(2 * buffer.length, MAX_BYTES))];
        }
        System.arraycopy(first.frame(), 0, buffer, 0, length);
        while (length < size) {
            Queued next = frames.poll();
            System.arraycopy(next.frame(), 0, buffer, length, next.frame().length);
            length += next.frame().length;
            counted += next.counted() ? next.frame().length : 0;
        }
        return buffer;
    }

    int length() {
        return length;
    }

    /** The bytes of the last {@link #next()} that counted against the limit. */
    long countedInLastWrite() {
        return counted;
    }

    /** Forgets the frames not written yet; returns how many of their bytes counted against the limit. */
    long drop() {
        long dropped = 0;
        for (Queued each : frames) {
            dropped += each.counted() ? each.frame().length : 0;
        }
        frames.clear();
        return dropped;
    }
}
