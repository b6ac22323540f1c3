package lanchat.server.transport;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The state of one {@link Outbox} behind its lock: the queued frames, the bytes counted against the limit, and
 * whether a writer runs. Every method takes the lock, changes the state and returns what the outbox must do next
 * (start a writer, report that the limit was exceeded); none of them calls out, so the outbox does its slow work
 * (starting a thread, writing) with the lock released. {@link WritePacing} decides when a write may wait for the
 * coalescer's next tick.
 */
final class SendQueue {
    /** What {@link #offer} and {@link #offerReplay} did. */
    enum Offered {
        /** Queued; a writer runs, or will at the next tick. */
        QUEUED,
        /** Queued; the caller must start a writer. */
        START_WRITER,
        /** Not queued: finishing, stopped, or exceeded earlier. */
        REFUSED,
        /** Not queued: over the limit; the queue was dropped. */
        EXCEEDED
    }

    /** What {@link #take} gave the writer: frames to write, nothing (the writer ends), or the end (the FIN). */
    enum Taken {
        FRAMES, IDLE, DRAINED
    }

    private final int limitBytes;
    private final WritePacing pacing;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Condition ended = lock.newCondition();
    // Swapped with the writer's empty one when it takes a batch, so the lock is never held for a whole batch.
    private ArrayDeque<WriteBatch.Queued> queue = new ArrayDeque<>(4);
    // Bytes counted against the limit: waiting in the queue, and taken by the writer but not yet written. Replays
    // do not count.
    private long queuedBytes;
    private long writingBytes;
    // Every queued byte, replays included: decides when waiting for more is pointless.
    private long allQueuedBytes;
    // Bytes of the replay let past the limit (queued or being written) until the writer has written them.
    private long freeReplayBytes;
    // Read by the writer without the lock, between two writes: once set, what it took is dropped.
    private volatile boolean exceeded;
    private boolean finishing;
    private boolean stopped;
    private boolean started;
    private boolean endsWhenIdle;
    private boolean writing;

    SendQueue(int limitBytes, WritePacing pacing) {
        if (limitBytes <= 0) {
            throw new IllegalArgumentException("limitBytes <= 0: " + limitBytes);
        }
        this.limitBytes = limitBytes;
        this.pacing = pacing;
    }

    /** Writers may start from now on; true when one must start at once. */
    boolean start(boolean writerEndsWhenIdle) {
        lock.lock();
        try {
            started = true;
            endsWhenIdle = writerEndsWhenIdle;
            return (finishing || !queue.isEmpty()) && claimWriter();
        } finally {
            lock.unlock();
        }
    }

    Offered offer(byte[] frame) {
        lock.lock();
        try {
            if (finishing || exceeded || stopped) {
                return Offered.REFUSED;
            }
            if (queuedBytes + writingBytes + frame.length > limitBytes) {
                dropQueue();
                return Offered.EXCEEDED;
            }
            queue.add(new WriteBatch.Queued(frame, true));
            queuedBytes += frame.length;
            allQueuedBytes += frame.length;
            return claimWriter() ? Offered.START_WRITER : Offered.QUEUED;
        } finally {
            lock.unlock();
        }
    }

    Offered offerReplay(List<byte[]> frames) {
        lock.lock();
        try {
            if (finishing || exceeded || stopped) {
                return Offered.REFUSED;
            }
            long bytes = frames.stream().mapToLong(frame -> frame.length).sum();
            boolean free = freeReplayBytes == 0;
            if (!free && queuedBytes + writingBytes + bytes > limitBytes) {
                dropQueue();
                return Offered.EXCEEDED;
            }
            frames.forEach(frame -> queue.add(new WriteBatch.Queued(frame, !free)));
            freeReplayBytes += free ? bytes : 0;
            queuedBytes += free ? 0 : bytes;
            allQueuedBytes += bytes;
            return !frames.isEmpty() && claimWriter() ? Offered.START_WRITER : Offered.QUEUED;
        } finally {
            lock.unlock();
        }
    }

    /** Queues {@code lastFrame} (null for none) past the limit; true when the caller must start a writer. */
    boolean finish(byte[] lastFrame) {
        lock.lock();
        try {
            if (finishing) {
                return false;
            }
            finishing = true;
            if (lastFrame != null && !stopped) {
                queue.add(new WriteBatch.Queued(lastFrame, true));
                queuedBytes += lastFrame.length;
                allQueuedBytes += lastFrame.length;
            }
            return !stopped && claimWriter();
        } finally {
            lock.unlock();
        }
    }

    /** The coalescer's tick came; true when the caller must start a writer. */
    boolean due() {
        lock.lock();
        try {
            pacing.tickCame();
            // A writer waiting for this tick is woken even with nothing queued: then it ends.
            return (writing || finishing || !queue.isEmpty()) && claimWriter();
        } finally {
            lock.unlock();
        }
    }

    long freeReplayBytes() {
        lock.lock();
        try {
            return freeReplayBytes;
        } finally {
            lock.unlock();
        }
    }

    long countedBytes() {
        lock.lock();
        try {
            return queuedBytes + writingBytes;
        } finally {
            lock.unlock();
        }
    }

    boolean exceeded() {
        return exceeded;
    }

    boolean awaitStopped(Duration timeout) throws InterruptedException {
        long nanos = timeout.toNanos();
        lock.lock();
        try {
            while (!stopped) {
                if (nanos <= 0) {
                    return false;
                }
                nanos = ended.awaitNanos(nanos);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Hands everything queued to {@code batch} (by swapping the queue with the batch's empty one); returns
     * {@link Taken#IDLE} instead when this writer should end (nothing queued, and a tick has passed since its last
     * write), and {@link Taken#DRAINED} once finishing and everything is sent.
     */
    Taken take(WriteBatch batch) throws InterruptedException {
        lock.lock();
        try {
            while (queue.isEmpty() || tooSoonToWrite()) {
                if (queue.isEmpty() && finishing) {
                    return Taken.DRAINED;
                }
                // A virtual writer that wrote in this tick waits for the next one: on a busy connection, waking
                // it costs less than starting a new one. Once a tick passes with nothing to send, it ends.
                if (queue.isEmpty() && endsWhenIdle && !pacing.waitForNextTick()) {
                    // The next offer() (or the coalescer's due()) sees writing == false and starts a new writer.
                    writing = false;
                    return Taken.IDLE;
                }
                changed.await();
            }
            queue = batch.take(queue);
            writingBytes += queuedBytes;
            queuedBytes = 0;
            allQueuedBytes = 0;
            pacing.wroteNow();
            return Taken.FRAMES;
        } finally {
            lock.unlock();
        }
    }

    /** The writer wrote {@code countedBytes} counted against the limit and {@code freeBytes} of a replay. */
    void wrote(long countedBytes, long freeBytes) {
        lock.lock();
        try {
            writingBytes -= countedBytes;
            freeReplayBytes = Math.max(0, freeReplayBytes - freeBytes);
        } finally {
            lock.unlock();
        }
    }

    /** The writer is done for good: after the FIN, or after a failed write. */
    void stop() {
        lock.lock();
        try {
            stopped = true;
            queue.clear();
            queuedBytes = 0;
            allQueuedBytes = 0;
            writingBytes = 0;
            freeReplayBytes = 0;
            ended.signalAll();
        } finally {
            lock.unlock();
        }
    }

    // With the lock held: the limit is exceeded; what is queued goes, so the last frame can.
    private void dropQueue() {
        exceeded = true;
        queue.clear();
        queuedBytes = 0;
        allQueuedBytes = 0;
    }

    /**
     * With the lock held, after something was queued: true when the caller must start a writer (after unlocking).
     * Otherwise wakes a waiting writer, or leaves it to the coalescer when the last write was too recent.
     */
    private boolean claimWriter() {
        if (!started || stopped) {
            return false;
        }
        if (writing) {
            if (!pacing.wakeBooked() || finishing || pacing.eager(allQueuedBytes)) {
                changed.signal();
            }
            return false;
        }
        if (tooSoonToWrite()) {
            return false;
        }
        writing = true;
        return true;
    }

    /** With the lock held: true when the last write was in this tick and what is queued can wait for the next. */
    private boolean tooSoonToWrite() {
        return !finishing && !pacing.eager(allQueuedBytes) && pacing.waitForNextTick();
    }
}
