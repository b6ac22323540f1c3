package lanchat.server;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Logger;

/**
 * One connection's bounded outbound queue, and the only thread that writes to its socket. Any thread may
 * {@link #offer} a ready frame: that only appends to the queue, so a broadcast never waits for a slow socket.
 * The {@code outbox NICK} thread takes everything queued, joins it into as few writes as possible (up to 64 KiB
 * each) and writes it.
 *
 * <pre>
 *   room / session threads          outbox thread                 kernel
 *   offer(frame) ──▶ [f1 f2 f3 …] ──▶ f1+f2+f3 in one write() ──▶ send buffer ──▶ peer
 *                    ≤ limitBytes
 * </pre>
 *
 * <p>A connection is written to at most once per tick of the {@link Coalescer} ({@code --coalesce}): a frame
 * queued after a write in the same tick waits for the next tick, and everything queued by then leaves in one
 * write. A connection not written to since the last tick is written to at once, and so is a queue of
 * {@value #EAGER_BYTES} bytes or more, or the last frame ({@link #finish}).
 *
 * <p>The writer runs only while there is something to send. With virtual threads it ends once the queue is
 * empty and a tick has passed since its last write, and the next {@link #offer} starts a new one: a writer
 * parked for hours on an idle connection would keep its stack (~2.5 KiB), while on a busy connection waking the
 * writer at each tick costs less than starting a new one. A platform thread is expensive to start, so with
 * platform threads the first writer stays and waits for more.
 *
 * <p>A frame that would take the queue (plus the write in progress) over {@code limitBytes} is refused, the
 * queue is dropped, and {@link Trouble#queueExceeded()} is called once: the session then ends itself. History
 * replayed to a joiner or a resumed client goes through {@link #offerReplay}: one replay at a time waits outside
 * that limit (it is bounded by the room's history, and its frames are shared with it, not copies), so a client
 * that reads normally is never cut for the size of what it is shown on joining. A replay offered while an earlier
 * one is still waiting to be written counts against the limit like any frame: a client that stops reading and
 * joins and leaves a room again and again is cut off with {@code send_queue_exceeded} instead of growing the
 * heap by a history each time.
 * {@link #finish} queues one last frame (past the limit, so an error can still go out), lets the writer drain
 * the queue and half-close the socket (a FIN after the last byte), and refuses everything after it. The outbox
 * never closes the socket: a writer stuck on a peer that does not read is freed when the session closes it.
 */
final class Outbox {
    private static final Logger LOG = Logger.getLogger(Outbox.class.getName());

    /** What the outbox tells its session; called without any lock held, possibly on another session's thread. */
    interface Trouble {
        void queueExceeded();

        void writeFailed(IOException e);

        /** The writer met something it did not expect (a bug, or no memory left): it has stopped. */
        void crashed(Throwable failure);
    }

    // Queued bytes worth a write of their own: waiting for more would not save a system call.
    private static final int EAGER_BYTES = 32 * 1024;
    private static final long NEVER = Long.MIN_VALUE;

    private final Socket socket;
    private final int limitBytes;
    private final Trouble trouble;
    private final Coalescer coalescer;
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
    // When the last batch was taken to be written (System.nanoTime()), and whether the coalescer will wake us.
    private long lastWriteNanos;
    private boolean wakeBooked;
    // Read by the writer without the lock, between two writes: once set, what it took is dropped.
    private volatile boolean exceeded;
    private boolean finishing;
    private boolean stopped;
    private ThreadKind threads;
    private boolean endsWhenIdle;
    private boolean writing;
    private volatile String threadName;
    private volatile Thread writer;

    /** What {@link #takeBatch} gave the writer: frames to write, nothing (the writer ends), or the end (the FIN). */
    private enum Taken {
        FRAMES, IDLE, DRAINED
    }

    Outbox(Socket socket, int limitBytes, Coalescer coalescer, Trouble trouble) {
        if (limitBytes <= 0) {
            throw new IllegalArgumentException("limitBytes <= 0: " + limitBytes);
        }
        this.socket = socket;
        this.limitBytes = limitBytes;
        this.coalescer = coalescer;
        this.trouble = trouble;
        this.lastWriteNanos = NEVER;
    }

    /** Lets writer threads start from now on (one at once if something is queued); called once, by the session. */
    void start(ThreadKind kind, String name) {
        threadName = name;
        boolean wake;
        lock.lock();
        try {
            threads = kind;
            endsWhenIdle = kind == ThreadKind.VIRTUAL;
            wake = (finishing || !queue.isEmpty()) && claimWriter();
        } finally {
            lock.unlock();
        }
        if (wake) {
            startWriter();
        }
    }

    void rename(String name) {
        threadName = name;
        Thread current = writer;
        if (current != null) {
            current.setName(name);
        }
    }

    /**
     * Queues a frame. Returns false, without queueing, after {@link #finish}, after the writer stopped, or when
     * the frame would take the queue over its limit (which also drops the queue and reports the trouble once).
     */
    boolean offer(byte[] frame) {
        boolean accepted;
        boolean wake = false;
        lock.lock();
        try {
            if (finishing || exceeded || stopped) {
                return false;
            }
            accepted = queuedBytes + writingBytes + frame.length <= limitBytes;
            if (accepted) {
                queue.add(new WriteBatch.Queued(frame, true));
                queuedBytes += frame.length;
                allQueuedBytes += frame.length;
                wake = claimWriter();
            } else {
                dropQueue();
            }
        } finally {
            lock.unlock();
        }
        if (!accepted) {
            makeRoomForLastWords();
            trouble.queueExceeded();
        } else if (wake) {
            startWriter();
        }
        return accepted;
    }

    /**
     * Queues the frames of one replay, in order. When no earlier replay is still waiting to be written, they wait
     * outside the limit; otherwise they count against it like {@link #offer}ed frames, and may exceed it. Returns
     * false, without queueing, when {@link #offer} would refuse (finishing, stopped, or over the limit).
     */
    boolean offerReplay(List<byte[]> frames) {
        boolean accepted;
        boolean wake = false;
        lock.lock();
        try {
            if (finishing || exceeded || stopped) {
                return false;
            }
            long bytes = frames.stream().mapToLong(frame -> frame.length).sum();
            boolean free = freeReplayBytes == 0;
            accepted = free || queuedBytes + writingBytes + bytes <= limitBytes;
            if (accepted) {
                frames.forEach(frame -> queue.add(new WriteBatch.Queued(frame, !free)));
                freeReplayBytes += free ? bytes : 0;
                queuedBytes += free ? 0 : bytes;
                allQueuedBytes += bytes;
                wake = !frames.isEmpty() && claimWriter();
            } else {
                dropQueue();
            }
        } finally {
            lock.unlock();
        }
        if (!accepted) {
            makeRoomForLastWords();
            trouble.queueExceeded();
        } else if (wake) {
            startWriter();
        }
        return accepted;
    }

    /** Bytes of a replay waiting outside the limit now: queued, or in the write in progress. */
    long freeReplayBytes() {
        lock.lock();
        try {
            return freeReplayBytes;
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

    /** Queues {@code lastFrame} (null for none) past the limit; the writer sends what is queued, then a FIN. */
    void finish(byte[] lastFrame) {
        boolean wake;
        lock.lock();
        try {
            if (finishing) {
                return;
            }
            finishing = true;
            if (lastFrame != null && !stopped) {
                queue.add(new WriteBatch.Queued(lastFrame, true));
                queuedBytes += lastFrame.length;
                allQueuedBytes += lastFrame.length;
            }
            wake = !stopped && claimWriter();
        } finally {
            lock.unlock();
        }
        if (wake) {
            startWriter();
        }
    }

    /** Bytes counted against the limit now: queued, and in the write in progress. Replays are not. */
    long countedBytes() {
        lock.lock();
        try {
            return queuedBytes + writingBytes;
        } finally {
            lock.unlock();
        }
    }

    /** Waits for the writer to send the FIN (after {@link #finish}) or to fail; true when it did. */
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
     * The peer stopped reading, so the kernel's send buffer (fixed small by the server) is full and the error
     * that {@link #finish} queues could never leave. Growing the buffer by one write lets the rest of the write in
     * progress and that error in; Linux wakes the blocked writer when the buffer grows.
     */
    private void makeRoomForLastWords() {
        try {
            socket.setSendBufferSize(socket.getSendBufferSize() + WriteBatch.MAX_BYTES);
        } catch (IOException e) {
            // closed meanwhile: nobody is left to tell
        }
    }

    /** The coalescer's call: the next write is due. Starts or wakes the writer if anything is waiting. */
    void due() {
        boolean wake;
        lock.lock();
        try {
            wakeBooked = false;
            // A writer waiting for this tick is woken even with nothing queued: then it ends.
            wake = (writing || finishing || !queue.isEmpty()) && claimWriter();
        } finally {
            lock.unlock();
        }
        if (wake) {
            startWriter();
        }
    }

    /**
     * With the lock held, after something was queued: true when the caller must start a writer (after unlocking).
     * Otherwise wakes a waiting writer, or leaves it to the coalescer when the last write was too recent.
     */
    private boolean claimWriter() {
        if (threads == null || stopped) {
            return false;
        }
        if (writing) {
            if (!wakeBooked || finishing || allQueuedBytes >= EAGER_BYTES) {
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
        return !finishing && allQueuedBytes < EAGER_BYTES && waitForNextTick();
    }

    /**
     * With the lock held: true when this connection was written to since the coalescer's last tick; then the
     * coalescer is asked (once) to call {@link #due} at the next tick.
     */
    private boolean waitForNextTick() {
        if (!coalescer.on() || lastWriteNanos == NEVER) {
            return false;
        }
        if (wakeBooked) {
            return true;
        }
        long dueNanos = coalescer.tickAfter(lastWriteNanos);
        if (dueNanos - System.nanoTime() <= 0) {
            return false;
        }
        wakeBooked = true;
        coalescer.wakeAt(this, dueNanos);
        return true;
    }

    // Never under the lock: starting a platform thread takes a while.
    private void startWriter() {
        writer = threads.start(threadName, this::writeUntilIdle);
    }

    private void writeUntilIdle() {
        try {
            OutputStream out = socket.getOutputStream();
            WriteBatch batch = new WriteBatch();
            for (Taken taken = takeBatch(batch); taken != Taken.DRAINED; taken = takeBatch(batch)) {
                if (taken == Taken.IDLE) {
                    return;
                }
                for (byte[] bytes = batch.next(); bytes != null; bytes = batch.next()) {
                    // Like sendall: write() returns once every byte is in the kernel's send buffer, or throws.
                    out.write(bytes, 0, batch.length());
                    wrote(batch.countedInLastWrite(), batch.length() - batch.countedInLastWrite());
                    if (exceeded) {
                        // The queue was dropped: the rest of this batch goes with it, so the last frame can go.
                        wrote(batch.drop(), 0);
                    }
                }
            }
            // A FIN after our last byte: the peer reads everything we sent, then end of stream.
            socket.shutdownOutput();
            stop();
        } catch (IOException e) {
            stop();
            trouble.writeFailed(e);
        } catch (InterruptedException e) {
            stop();
            Thread.currentThread().interrupt();
        } catch (Throwable failure) {
            // Never a silent death: the queue would stay claimed by a writer that is gone.
            stop();
            trouble.crashed(failure);
        }
    }

    /**
     * Hands everything queued to {@code batch} (by swapping the queue with the batch's empty one); returns
     * {@link Taken#IDLE} instead when this writer should end (nothing queued, and a tick has passed since its last
     * write), and {@link Taken#DRAINED} once finishing and everything is sent.
     */
    private Taken takeBatch(WriteBatch batch) throws InterruptedException {
        lock.lock();
        try {
            while (queue.isEmpty() || tooSoonToWrite()) {
                if (queue.isEmpty() && finishing) {
                    return Taken.DRAINED;
                }
                // A virtual writer that wrote in this tick waits for the next one: on a busy connection, waking
                // it costs less than starting a new one. Once a tick passes with nothing to send, it ends.
                if (queue.isEmpty() && endsWhenIdle && !waitForNextTick()) {
                    // The next offer() (or the coalescer's due()) sees writing == false and starts a new writer.
                    writing = false;
                    writer = null;
                    return Taken.IDLE;
                }
                changed.await();
            }
            queue = batch.take(queue);
            writingBytes += queuedBytes;
            queuedBytes = 0;
            allQueuedBytes = 0;
            lastWriteNanos = System.nanoTime();
            return Taken.FRAMES;
        } finally {
            lock.unlock();
        }
    }

    private void wrote(long countedBytes, long freeBytes) {
        lock.lock();
        try {
            writingBytes -= countedBytes;
            freeReplayBytes = Math.max(0, freeReplayBytes - freeBytes);
        } finally {
            lock.unlock();
        }
    }

    // The writer is done for good: after the FIN, or after a failed write.
    private void stop() {
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
}
