package lanchat.server;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

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
 * <p>A frame that would take the queue (plus the write in progress) over {@code limitBytes} is refused, the
 * queue is dropped, and {@link Trouble#queueExceeded()} is called once: the session then ends itself. History
 * replayed to a joiner or a resumed client goes through {@link #offerReplay}, outside that limit: a replay is
 * bounded by the room's history (and its frames are shared with the room's history, not copies), so a client
 * that reads normally is never cut for the size of what it is shown on joining.
 * {@link #finish} queues one last frame (past the limit, so an error can still go out), lets the writer drain
 * the queue and half-close the socket (a FIN after the last byte), and refuses everything after it. The outbox
 * never closes the socket: a writer stuck on a peer that does not read is freed when the session closes it.
 */
final class Outbox {

    /** What the outbox tells its session; called without any lock held, possibly on another session's thread. */
    interface Trouble {
        void queueExceeded();

        void writeFailed(IOException e);
    }

    private static final int MAX_WRITE_BYTES = 64 * 1024;

    private final Socket socket;
    private final int limitBytes;
    private final Trouble trouble;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<Queued> queue = new ArrayDeque<>(4);
    // Bytes counted against the limit: waiting in the queue, and in the write in progress. Replays do not count.
    private long queuedBytes;
    private long writingBytes;
    private boolean exceeded;
    private boolean finishing;
    private boolean stopped;
    private Thread writer;

    /** A queued frame; {@code counted} is false for a replay, which is outside the limit. */
    private record Queued(byte[] frame, boolean counted) {
    }

    Outbox(Socket socket, int limitBytes, Trouble trouble) {
        if (limitBytes <= 0) {
            throw new IllegalArgumentException("limitBytes <= 0: " + limitBytes);
        }
        this.socket = socket;
        this.limitBytes = limitBytes;
        this.trouble = trouble;
    }

    /** Starts the writer thread; called once, by the session. */
    void start(ThreadKind threads, String threadName) {
        writer = threads.start(threadName, this::writeUntilFinished);
    }

    void rename(String threadName) {
        writer.setName(threadName);
    }

    /**
     * Queues a frame. Returns false, without queueing, after {@link #finish}, after the writer stopped, or when
     * the frame would take the queue over its limit (which also drops the queue and reports the trouble once).
     */
    boolean offer(byte[] frame) {
        lock.lock();
        try {
            if (finishing || exceeded || stopped) {
                return false;
            }
            if (queuedBytes + writingBytes + frame.length <= limitBytes) {
                queue.add(new Queued(frame, true));
                queuedBytes += frame.length;
                changed.signal();
                return true;
            }
            exceeded = true;
            queue.clear();
            queuedBytes = 0;
        } finally {
            lock.unlock();
        }
        trouble.queueExceeded();
        return false;
    }

    /**
     * Queues a replayed history frame without counting it against the limit. Returns false, without queueing,
     * when {@link #offer} would refuse any frame (finishing, stopped, or over the limit already).
     */
    boolean offerReplay(byte[] frame) {
        lock.lock();
        try {
            if (finishing || exceeded || stopped) {
                return false;
            }
            queue.add(new Queued(frame, false));
            changed.signal();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Queues {@code lastFrame} (null for none) past the limit; the writer sends what is queued, then a FIN. */
    void finish(byte[] lastFrame) {
        lock.lock();
        try {
            if (finishing) {
                return;
            }
            finishing = true;
            if (lastFrame != null && !stopped) {
                queue.add(new Queued(lastFrame, true));
                queuedBytes += lastFrame.length;
            }
            changed.signal();
        } finally {
            lock.unlock();
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

    /** Waits for the writer thread to end (after {@link #finish}, or a failed write); true when it did. */
    boolean awaitStopped(Duration timeout) throws InterruptedException {
        return writer == null || writer.join(timeout);
    }

    private void writeUntilFinished() {
        try {
            OutputStream out = socket.getOutputStream();
            for (byte[] batch = takeBatch(); batch != null; batch = takeBatch()) {
                // Like sendall: write() returns once every byte is in the kernel's send buffer, or throws.
                out.write(batch);
                wrote();
            }
            // A FIN after our last byte: the peer reads everything we sent, then end of stream.
            socket.shutdownOutput();
        } catch (IOException e) {
            stop();
            trouble.writeFailed(e);
        } catch (InterruptedException e) {
            stop();
            Thread.currentThread().interrupt();
        }
    }

    /** Waits for frames and returns them joined into one array, or null once finishing and drained. */
    private byte[] takeBatch() throws InterruptedException {
        List<byte[]> batch = new ArrayList<>();
        int size = 0;
        int counted = 0;
        lock.lock();
        try {
            while (queue.isEmpty() && !finishing) {
                changed.await();
            }
            while (!queue.isEmpty() && fits(batch, size)) {
                Queued next = queue.poll();
                batch.add(next.frame());
                size += next.frame().length;
                counted += next.counted() ? next.frame().length : 0;
            }
            queuedBytes -= counted;
            writingBytes = counted;
        } finally {
            lock.unlock();
        }
        return batch.isEmpty() ? null : join(batch, size);
    }

    // With the lock held: the next frame goes into this batch (always, when the batch is still empty).
    private boolean fits(List<byte[]> batch, int size) {
        return batch.isEmpty() || size + queue.peek().frame().length <= MAX_WRITE_BYTES;
    }

    private void wrote() {
        lock.lock();
        try {
            writingBytes = 0;
        } finally {
            lock.unlock();
        }
    }

    private void stop() {
        lock.lock();
        try {
            stopped = true;
            queue.clear();
            queuedBytes = 0;
            writingBytes = 0;
        } finally {
            lock.unlock();
        }
    }

    private static byte[] join(List<byte[]> frames, int size) {
        if (frames.size() == 1) {
            return frames.getFirst();
        }
        byte[] joined = new byte[size];
        int at = 0;
        for (byte[] frame : frames) {
            System.arraycopy(frame, 0, joined, at, frame.length);
            at += frame.length;
        }
        return joined;
    }
}
