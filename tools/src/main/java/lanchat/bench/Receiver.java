package lanchat.bench;

import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.util.concurrent.atomic.AtomicReference;
import lanchat.protocol.Event;

/**
 * What one fanout member does with the frames it receives: for every {@code message} it checks the seq
 * ({@link SeqTracker}), records the latency from the scheduled send time in the text to now ({@link
 * LatencyHistogram}), and gives its own echoes back to its {@link SendWindow}. Other events are rare and
 * decoded in full: a {@code left} of the watched stalled member is kept as the {@link CutOff}; {@code error}s
 * are counted; a {@code bye} or a close is kept as the reason this member was lost.
 *
 * <p>Called by exactly one {@link ReceiveLoop} thread, which owns the reading. Progress figures are volatile
 * for the main thread to poll; the tracker and histogram are read by the main thread only after the loop has
 * ended.
 */
final class Receiver {
    private final LoadClient client;
    private final RunClock clock;
    private final SendWindow window;
    private final String watchedNick;
    private final AtomicReference<CutOff> cutOff;
    private final SeqTracker seqs = new SeqTracker();
    private final LatencyHistogram latency = new LatencyHistogram();
    private final LatencyHistogram latencyAfterCut = new LatencyHistogram();
    private boolean cutSeen;
    private volatile long firstMeasuredSeq = Long.MAX_VALUE;
    private volatile long distinct;
    private volatile long lastMeasuredNanos;
    private volatile String lostReason;
    private volatile String firstError;
    private volatile long errors;
    private volatile boolean stopping;

    /** @param watchedNick the stalled member whose {@code left} to record, or null */
    Receiver(LoadClient client, RunClock clock, SendWindow window, String watchedNick,
            AtomicReference<CutOff> cutOff) {
        this.client = client;
        this.clock = clock;
        this.window = window;
        this.watchedNick = watchedNick;
        this.cutOff = cutOff;
    }

    /**
     * Reads what the socket has (it is non-blocking) and handles every complete frame.
     *
     * @return false when the connection is over and the loop should drop it
     */
    boolean readAvailable(SocketChannel channel) {
        FrameInput input = client.input();
        try {
            int n = input.readFrom(channel);
            // Every frame of one read arrived at the same moment, as far as anyone can tell: one clock read.
            long now = clock.now();
            while (input.nextBuffered()) {
                byte[] body = input.buffer();
                int offset = input.bodyOffset();
                int length = input.bodyLength();
                if (MessageScan.isMessage(body, offset, length)) {
                    onMessage(body, offset, length, now);
                } else {
                    onOtherEvent(input.decodeEvent());
                }
            }
            if (n < 0) {
                lost("the server closed the connection");
                return false;
            }
            return true;
        } catch (IOException e) {
            lost("connection failed: " + e.getMessage());
            return false;
        }
    }

    private void onMessage(byte[] body, int offset, int length, long now) {
        long seq = MessageScan.seq(body, offset, length);
        if (seq < 1) {
            return;
        }
        if (seqs.record(seq)) {
            distinct++;
        }
        if (seq >= firstMeasuredSeq) {
            (cutSeen ? latencyAfterCut : latency).record((now - MessageScan.stamp(body, offset, length)) / 1_000);
            lastMeasuredNanos = now;
        }
        if (MessageScan.isFrom(body, offset, length, client.nickBytes())) {
            window.give();
        }
    }

    private void onOtherEvent(Event event) {
        switch (event) {
            case Event.Left left when left.nick().equalsIgnoreCase(watchedNick) -> {
                cutSeen = true;
                cutOff.compareAndSet(null, new CutOff(clock.now(), left.reason(), seqs.highest()));
            }
            case Event.Error error -> error(error.code() + " (" + error.message() + ")");
            case Event.Bye bye -> lost("bye: " + bye.reason());
            default -> {
                // joined, users, left of others, ping, ...: nothing to measure. (A load generator ignores what it
                // does not measure, so no exhaustive switch here, unlike the server's dispatch.)
            }
        }
    }

    private void error(String text) {
        errors++;
        if (firstError == null) {
            firstError = text;
        }
    }

    private void lost(String reason) {
        if (lostReason == null && !stopping) {
            lostReason = reason;
        }
    }

    /** Main thread, between warm-up and measurement: messages from {@code seq} on are measured. */
    void measureFrom(long seq) {
        firstMeasuredSeq = seq;
    }

    /** Closes the connection; what fails after this is the benchmark's doing, not a loss. */
    void stop() {
        stopping = true;
        client.close();
    }

    long distinct() {
        return distinct;
    }

    /** {@link RunClock} time of the last measured delivery; 0 before the first. */
    long lastMeasuredNanos() {
        return lastMeasuredNanos;
    }

    /** Why the server dropped this member (a bye, a close, a failure), or null while it is connected. */
    String lostReason() {
        return lostReason;
    }

    /** How many {@code error} events this member got (a correct run has none), and the first of them. */
    long errors() {
        return errors;
    }

    String firstError() {
        return firstError;
    }

    SeqTracker seqs() {
        return seqs;
    }

    /** Measured latencies until this member saw the watched member leave (all of them when it never did). */
    LatencyHistogram latency() {
        return latency;
    }

    /** Measured latencies after this member saw the watched member leave. */
    LatencyHistogram latencyAfterCut() {
        return latencyAfterCut;
    }

    SendWindow window() {
        return window;
    }

    LoadClient client() {
        return client;
    }
}
