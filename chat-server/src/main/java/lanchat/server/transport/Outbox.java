package lanchat.server.transport;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import lanchat.server.runtime.ThreadKind;

/**
 * One connection's bounded outbound queue, and the only thread that writes to its {@link ByteSink}. Any thread may
 * {@link #offer} a ready frame: that only appends to the queue, so a broadcast never waits for a slow socket.
 * The {@code outbox NICK} thread takes everything queued, joins it into as few writes as possible (up to 64 KiB
 * each, {@link WriteBatch}) and writes it.
 *
 * <pre>
 *   room / session threads          outbox thread                 kernel
 *   offer(frame) ──▶ [f1 f2 f3 …] ──▶ f1+f2+f3 in one write() ──▶ send buffer ──▶ peer
 *                    ≤ limitBytes
 * </pre>
 *
 * <p>A connection is written to at most once per tick of the {@link Coalescer} ({@code --coalesce}): a frame
 * queued after a write in the same tick waits for the next tick, and everything queued by then leaves in one
 * write ({@link WritePacing}). A connection not written to since the last tick is written to at once, and so is a
 * large queue, or the last frame ({@link #finish}).
 *
 * <p>The writer runs only while there is something to send. With virtual threads it ends once the queue is
 * empty and a tick has passed since its last write, and the next {@link #offer} starts a new one: a writer
 * parked for hours on an idle connection would keep its stack, while on a busy connection waking the writer at
 * each tick costs less than starting a new one. A platform thread is expensive to start, so with platform threads
 * the first writer stays and waits for more.
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
 * the queue and end the output (a FIN after the last byte), and refuses everything after it. The outbox never
 * closes the connection: a writer stuck on a peer that does not read is freed when the connection is closed.
 */
public final class Outbox implements Coalescer.Wakeable {

    /** What the outbox tells its session; called without any lock held, possibly on another session's thread. */
    public interface Trouble {
        void queueExceeded();

        void writeFailed(IOException e);

        /** The writer met something it did not expect (a bug, or no memory left): it has stopped. */
        void crashed(Throwable failure);
    }

    private final ByteSink sink;
    private final Trouble trouble;
    private final SendQueue queue;
    private volatile ThreadKind threads;
    private volatile String threadName;
    private volatile Thread writer;

    public Outbox(ByteSink sink, int limitBytes, Coalescer coalescer, Trouble trouble) {
        this.sink = sink;
        this.trouble = trouble;
        this.queue = new SendQueue(limitBytes, new WritePacing(coalescer, this));
    }

    /** Lets writer threads start from now on (one at once if something is queued); called once, by the session. */
    public void start(ThreadKind kind, String name) {
        threadName = name;
        threads = kind;
        if (queue.start(kind == ThreadKind.VIRTUAL)) {
            startWriter();
        }
    }

    public void rename(String name) {
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
    public boolean offer(byte[] frame) {
        return acted(queue.offer(frame));
    }

    /**
     * Queues the frames of one replay, in order. When no earlier replay is still waiting to be written, they wait
     * outside the limit; otherwise they count against it like {@link #offer}ed frames, and may exceed it. Returns
     * false, without queueing, when {@link #offer} would refuse (finishing, stopped, or over the limit).
     */
    public boolean offerReplay(List<byte[]> frames) {
        return acted(queue.offerReplay(frames));
    }

    private boolean acted(SendQueue.Offered offered) {
        switch (offered) {
            case START_WRITER -> startWriter();
            case EXCEEDED -> {
                sink.makeRoom(WriteBatch.MAX_BYTES);
                trouble.queueExceeded();
            }
            case QUEUED, REFUSED -> {
                // nothing more to do
            }
        }
        return offered == SendQueue.Offered.QUEUED || offered == SendQueue.Offered.START_WRITER;
    }

    /** Bytes of a replay waiting outside the limit now: queued, or in the write in progress. */
    public long freeReplayBytes() {
        return queue.freeReplayBytes();
    }

    /** Queues {@code lastFrame} (null for none) past the limit; the writer sends what is queued, then a FIN. */
    public void finish(byte[] lastFrame) {
        if (queue.finish(lastFrame)) {
            startWriter();
        }
    }

    /** Bytes counted against the limit now: queued, and in the write in progress. Replays are not. */
    public long countedBytes() {
        return queue.countedBytes();
    }

    /** Waits for the writer to send the FIN (after {@link #finish}) or to fail; true when it did. */
    public boolean awaitStopped(Duration timeout) throws InterruptedException {
        return queue.awaitStopped(timeout);
    }

    /** The coalescer's call: the next write is due. Starts or wakes the writer if anything is waiting. */
    @Override
    public void due() {
        if (queue.due()) {
            startWriter();
        }
    }

    // Never under the lock: starting a platform thread takes a while.
    private void startWriter() {
        writer = threads.start(threadName, this::writeUntilIdle);
    }

    private void writeUntilIdle() {
        try {
            WriteBatch batch = new WriteBatch();
            for (SendQueue.Taken taken = queue.take(batch); taken != SendQueue.Taken.DRAINED;
                    taken = queue.take(batch)) {
                if (taken == SendQueue.Taken.IDLE) {
                    forgetWriter();
                    return;
                }
                writeBatch(batch);
            }
            sink.endOutput();
            queue.stop();
        } catch (IOException e) {
            queue.stop();
            trouble.writeFailed(e);
        } catch (InterruptedException e) {
            queue.stop();
            Thread.currentThread().interrupt();
        } catch (Throwable failure) {
            // Never a silent death: the queue would stay claimed by a writer that is gone.
            queue.stop();
            trouble.crashed(failure);
        }
    }

    private void writeBatch(WriteBatch batch) throws IOException {
        for (byte[] bytes = batch.next(); bytes != null; bytes = batch.next()) {
            sink.write(bytes, batch.length());
            queue.wrote(batch.countedInLastWrite(), batch.length() - batch.countedInLastWrite());
            if (queue.exceeded()) {
                // The queue was dropped: the rest of this batch goes with it, so the last frame can go.
                queue.wrote(batch.drop(), 0);
            }
        }
    }

    // This writer ends; a new one may already have started (and be the one to rename).
    private void forgetWriter() {
        if (writer == Thread.currentThread()) {
            writer = null;
        }
    }
}
