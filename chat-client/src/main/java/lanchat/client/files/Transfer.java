package lanchat.client.files;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import lanchat.protocol.FieldRules;

/**
 * One file transfer as this client sees it: its id, the other side, the file's name and size, how far it got.
 * {@link OutgoingTransfer} is a file this client sends, {@link IncomingTransfer} one it receives; {@link Transfers}
 * keeps them by id.
 *
 * <p>Threads: the input thread (commands), the connection's reader thread (events) and an outgoing transfer's own
 * threads all touch a transfer. Its stage changes under its lock; {@link #end()} succeeds once, so whatever ends a
 * transfer (an event, a command, a failure, the connection closing) cleans up exactly once.
 */
public abstract sealed class Transfer permits OutgoingTransfer, IncomingTransfer {

    /** How far a transfer got. */
    enum Stage {
        /** Outgoing only: the checksum is being computed; nothing was sent yet. */
        PREPARING,
        /** Offered, waiting for the receiver to accept or reject. */
        OFFERED,
        /** Accepted: chunks are moving. */
        MOVING,
        /** Every chunk moved; the receiver checks the file against the offered checksum. */
        CHECKING,
        /** Over, one way or another. */
        ENDED
    }

    private final String id;
    private final String peer;
    private final String name;
    private final long size;
    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicLong bytesDone = new AtomicLong();
    private Stage stage;
    private volatile long startedNanos;

    Transfer(String id, String peer, String name, long size, Stage stage) {
        if (size < 0) {
            throw new IllegalArgumentException("size < 0: " + size);
        }
        this.id = id;
        this.peer = peer;
        this.name = name;
        this.size = size;
        this.stage = stage;
    }

    public String id() {
        return id;
    }

    /** The nick on the other side, as it was when the transfer began. */
    public String peer() {
        return peer;
    }

    /** The file's name as offered (for an incoming file: as the sender suggested it, not yet made safe). */
    public String name() {
        return name;
    }

    public long size() {
        return size;
    }

    /** Bytes hashed (while preparing) or moved (after the accept). */
    public long bytesDone() {
        return bytesDone.get();
    }

    /** {@code System.nanoTime()} when bytes started moving (or hashing), 0 before. */
    long startedNanos() {
        return startedNanos;
    }

    /** "to bob" or "from alice". */
    abstract String direction();

    /** What it is doing now, in a few words: "sending", "waiting for bob to accept", … */
    abstract String activity();

    Stage stage() {
        return locked(() -> stage);
    }

    /** Moves from {@code from} to {@code to}; false (and nothing changes) when the stage was another one. */
    boolean moveTo(Stage from, Stage to) {
        return locked(() -> {
            if (stage != from) {
                return false;
            }
            stage = to;
            return true;
        });
    }

    /** Ends the transfer; true for the one call that ended it, false when it was over already. */
    boolean end() {
        return endFrom() != Stage.ENDED;
    }

    /** Ends the transfer and returns the stage it was in ({@code ENDED} when it was over already). */
    Stage endFrom() {
        return locked(() -> {
            Stage before = stage;
            stage = Stage.ENDED;
            return before;
        });
    }

    boolean isEnded() {
        return stage() == Stage.ENDED;
    }

    void progressed(long bytes) {
        bytesDone.set(bytes);
    }

    /** Starts the clock for the rate and the time left, and counts bytes from zero. */
    void startClock() {
        bytesDone.set(0);
        startedNanos = System.nanoTime();
    }

    /** {@code text} fit to be a {@code file-cancel} reason: controls become spaces, at most 4,000 characters. */
    static String reason(String text) {
        StringBuilder clean = new StringBuilder();
        text.codePoints().limit(FieldRules.MAX_TEXT_CODE_POINTS)
                .forEach(c -> clean.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
        return clean.toString().isBlank() ? "cancelled" : clean.toString();
    }

    /** Runs {@code action} under the transfer's lock (never anything slow: it may be held by the input thread). */
    <T> T locked(Supplier<T> action) {
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        return id + " " + name + " " + direction();
    }
}
