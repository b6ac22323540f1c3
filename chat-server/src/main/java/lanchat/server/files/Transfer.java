package lanchat.server.files;

import java.util.Locale;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import lanchat.protocol.FieldRules;
import lanchat.server.session.Member;

/**
 * One file transfer the server relays: who sends, who receives, how many bytes were offered, and how far it got.
 * The server never stores the file; it checks each frame against these numbers and passes it on.
 *
 * <pre>
 *   OFFERED ──accept──▶ SENDING ──sender's done──▶ VERIFYING ──receiver's done──▶ ENDED
 *      │                   │                           │
 *      └─reject────────────┴── cancel, a party leaves, a broken rule ─┴──────────▶ ENDED
 * </pre>
 *
 * <p>The sender's and the receiver's reader threads both call it. Each step checks, counts and offers its frame
 * to the other side's outbox under the transfer's lock, so the receiver's queue gets chunks in order and nothing
 * after the end. Each step returns null when it went through, or why the frame breaks the rules (then nothing
 * changed and nothing was relayed).
 */
final class Transfer {

    /** How far a transfer got; see the diagram above. */
    enum Stage { OFFERED, SENDING, VERIFYING, ENDED }

    private final String id;
    private final Member sender;
    private final Member receiver;
    private final long size;
    private final ReentrantLock lock = new ReentrantLock();
    private Stage stage = Stage.OFFERED;
    private long chunksSent;
    private long chunksAcked;
    private long bytesSent;

    Transfer(String id, Member sender, Member receiver, long size) {
        if (size < 0) {
            throw new IllegalArgumentException("size < 0: " + size);
        }
        this.id = id;
        this.sender = sender;
        this.receiver = receiver;
        this.size = size;
    }

    String id() {
        return id;
    }

    Member sender() {
        return sender;
    }

    Member receiver() {
        return receiver;
    }

    boolean involves(Member member) {
        return member == sender || member == receiver;
    }

    /** The other side of the transfer from {@code member}'s point of view. */
    Member peerOf(Member member) {
        return member == sender ? receiver : sender;
    }

    /** True once accepted and not yet over: the receiver's outbox may hold up to a window of its chunks. */
    boolean isFlowing() {
        return withLock(() -> stage == Stage.SENDING || stage == Stage.VERIFYING);
    }

    /** The receiver accepts: relays {@code toSender}. */
    String accept(byte[] toSender) {
        return step(() -> stage == Stage.OFFERED ? null : "transfer " + id + " is " + describe() + ", not offered",
                () -> {
                    stage = Stage.SENDING;
                    sender.deliver(toSender);
                });
    }

    /** Relays chunk {@code index} of {@code bytes} bytes to the receiver. */
    String chunk(long index, int bytes, byte[] toReceiver) {
        return step(() -> chunkProblem(index, bytes), () -> {
            chunksSent++;
            bytesSent += bytes;
            receiver.deliver(toReceiver);
        });
    }

    /** Relays the receiver's acknowledgement of chunk {@code index} to the sender. */
    String ack(long index, byte[] toSender) {
        return step(() -> ackProblem(index), () -> {
            chunksAcked++;
            sender.deliver(toSender);
        });
    }

    /** The sender has sent every byte: relays its {@code file-done} to the receiver. */
    String sendersDone(byte[] toReceiver) {
        return step(this::doneProblem, () -> {
            stage = Stage.VERIFYING;
            receiver.deliver(toReceiver);
        });
    }

    /**
     * The receiver checked and saved the file: the transfer ends ({@code forget} runs first, so that the sender,
     * told by {@code toSender}, finds it gone from the registry).
     */
    String receiversDone(byte[] toSender, Runnable forget) {
        return step(() -> stage == Stage.VERIFYING ? null : "file-done from the receiver before the sender's",
                () -> endAndRelay(forget, toSender));
    }

    /** The receiver declines the offer: the transfer ends, as in {@link #receiversDone}. */
    String reject(byte[] toSender, Runnable forget) {
        return step(() -> stage == Stage.OFFERED ? null : "transfer " + id + " is " + describe()
                + "; only an offer can be rejected (cancel it instead)", () -> endAndRelay(forget, toSender));
    }

    /** Ends the transfer, whatever its stage; true when this call ended it, false when it was over already. */
    boolean end() {
        return withLock(() -> {
            if (stage == Stage.ENDED) {
                return false;
            }
            stage = Stage.ENDED;
            return true;
        });
    }

    boolean ended() {
        return withLock(() -> stage == Stage.ENDED);
    }

    private String chunkProblem(long index, int bytes) {
        if (stage != Stage.SENDING) {
            return "chunk " + index + " of transfer " + id + ", which is " + describe() + ", not sending";
        }
        if (index != chunksSent) {
            return "chunk " + index + " of transfer " + id + " out of order; expected chunk " + chunksSent;
        }
        if (chunksSent - chunksAcked >= FieldRules.TRANSFER_WINDOW_CHUNKS) {
            return "chunk " + index + " of transfer " + id + " is past the window: "
                    + FieldRules.TRANSFER_WINDOW_CHUNKS + " chunks are already waiting for their file-ack";
        }
        if (bytesSent + bytes > size) {
            return "chunk " + index + " of transfer " + id + " takes it to " + (bytesSent + bytes)
                    + " bytes, more than the " + size + " offered";
        }
        return null;
    }

    private void endAndRelay(Runnable forget, byte[] toSender) {
        stage = Stage.ENDED;
        forget.run();
        sender.deliver(toSender);
    }

    private String doneProblem() {
        if (stage != Stage.SENDING) {
            return "file-done for transfer " + id + ", which is " + describe() + ", not sending";
        }
        return bytesSent == size ? null : "file-done for transfer " + id + " after " + bytesSent + " of " + size
                + " bytes";
    }

    private String ackProblem(long index) {
        if (stage != Stage.SENDING && stage != Stage.VERIFYING) {
            return "file-ack for transfer " + id + ", which is " + describe();
        }
        if (index != chunksAcked || index >= chunksSent) {
            return "file-ack " + index + " for transfer " + id + "; expected file-ack " + chunksAcked
                    + " (" + chunksSent + " chunks sent)";
        }
        return null;
    }

    private String describe() {
        return stage.name().toLowerCase(Locale.ROOT);
    }

    /** Under the lock: checks for a problem and, when there is none, carries out {@code change}. */
    private String step(Supplier<String> check, Runnable change) {
        lock.lock();
        try {
            String problem = check.get();
            if (problem == null) {
                change.run();
            }
            return problem;
        } finally {
            lock.unlock();
        }
    }

    private <T> T withLock(Supplier<T> read) {
        lock.lock();
        try {
            return read.get();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        return "transfer " + id + " " + sender.nick() + " -> " + receiver.nick();
    }
}
