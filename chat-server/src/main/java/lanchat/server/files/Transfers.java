package lanchat.server.files;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import lanchat.protocol.Command;
import lanchat.protocol.Event;
import lanchat.protocol.wire.FrameWriter;
import lanchat.protocol.FieldRules;
import lanchat.server.session.Frames;
import lanchat.server.session.Member;

/**
 * Every file transfer in progress on the server, by id, and the limits on them. Transfer ids are chosen by the
 * senders and unique among the transfers in progress (PROTOCOL.md section 10). Thread-safe: every session's
 * reader thread uses it, and a departing session's thread cancels its transfers through {@link #cancelAll}.
 *
 * <p>The ids of the last {@value #REMEMBERED_ENDED} transfers that ended are remembered with their parties: a
 * chunk or an ack that was already on its way when the other side cancelled is then dropped quietly instead of
 * answered with {@code no_such_transfer}.
 */
public final class Transfers {
    /** Transfers one client may have in progress as the sender, offers included. */
    public static final int MAX_OUTGOING = 8;
    /** Room on the wire for one chunk frame: header, base64 of a full chunk, and the JSON around it. */
    static final int CHUNK_FRAME_BYTES = FrameWriter.HEADER_BYTES + (FieldRules.MAX_CHUNK_BYTES + 2) / 3 * 4 + 256;
    private static final int REMEMBERED_ENDED = 1024;

    private final long maxFileBytes;
    private final int maxIncoming;
    private final ConcurrentHashMap<String, Transfer> live = new ConcurrentHashMap<>();
    private final ReentrantLock endedLock = new ReentrantLock();
    private final Map<String, Transfer> ended = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Transfer> eldest) {
            return size() > REMEMBERED_ENDED;
        }
    };

    /**
     * Limits from the configuration: {@code --max-file-bytes}, and how many files one client may receive at once,
     * which is as many full windows of chunks as fit in three quarters of its send queue (the rest is for chat).
     */
    public Transfers(long maxFileBytes, int sendQueueBytes) {
        this.maxFileBytes = maxFileBytes;
        this.maxIncoming = (int) ((long) sendQueueBytes * 3 / 4
                / ((long) FieldRules.TRANSFER_WINDOW_CHUNKS * CHUNK_FRAME_BYTES));
    }

    long maxFileBytes() {
        return maxFileBytes;
    }

    /** Accepted transfers one client may receive at once (2 with the default 1 MiB send queue). */
    int maxIncoming() {
        return maxIncoming;
    }

    /** Registers a new transfer; false when its id is in use by another transfer in progress. */
    boolean register(Transfer transfer) {
        return live.putIfAbsent(transfer.id(), transfer) == null;
    }

    /** The transfer in progress with this id, if {@code member} takes part in it. */
    Optional<Transfer> find(String id, Member member) {
        return Optional.ofNullable(live.get(id)).filter(transfer -> transfer.involves(member));
    }

    /** True when a transfer with this id, in which {@code member} took part, ended a short while ago. */
    boolean endedRecently(String id, Member member) {
        endedLock.lock();
        try {
            Transfer transfer = ended.get(id);
            return transfer != null && transfer.involves(member);
        } finally {
            endedLock.unlock();
        }
    }

    /** Forgets a transfer that has ended (or never started); safe to call twice. */
    void forget(Transfer transfer) {
        transfer.end();
        if (live.remove(transfer.id(), transfer)) {
            endedLock.lock();
            try {
                ended.put(transfer.id(), transfer);
            } finally {
                endedLock.unlock();
            }
        }
    }

    /** Transfers in progress that {@code sender} sends, offers included. */
    long outgoing(Member sender) {
        return live.values().stream().filter(transfer -> transfer.sender() == sender).count();
    }

    /** Accepted transfers in progress that {@code receiver} receives. */
    long incoming(Member receiver) {
        return live.values().stream()
                .filter(transfer -> transfer.receiver() == receiver && transfer.isFlowing())
                .count();
    }

    /**
     * True when the command moves along a transfer in progress that {@code member} takes part in: such frames
     * are not counted against the rate limit, flow control bounds them instead (PROTOCOL.md section 10).
     */
    public boolean isUnmetered(Member member, Command command) {
        return command instanceof Command.FileCommand file && movesAlong(file)
                && find(file.id(), member).isPresent();
    }

    /**
     * Ends every transfer {@code leaver} takes part in; the other side of each gets {@code file-cancel} with
     * the reason {@code left: WHY}. Called once by a departing session, on whichever thread ends it.
     */
    public void cancelAll(Member leaver, String why) {
        List<Transfer> mine = live.values().stream().filter(transfer -> transfer.involves(leaver)).toList();
        for (Transfer transfer : mine) {
            if (transfer.end()) {
                forget(transfer);
                Event.FileCancel cancel = new Event.FileCancel(leaver.nick(), transfer.id(),
                        reason("left: " + why));
                transfer.peerOf(leaver).deliver(Frames.encode(cancel, null));
            }
        }
    }

    /** A reason for {@code file-cancel}, cut to the text limit. */
    static String reason(String text) {
        if (text.codePointCount(0, text.length()) <= FieldRules.MAX_TEXT_CODE_POINTS) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, FieldRules.MAX_TEXT_CODE_POINTS - 1)) + "…";
    }

    /** The frames of a transfer under way; offers, answers to them and anything unknown are metered as usual. */
    private static boolean movesAlong(Command.FileCommand command) {
        return switch (command) {
            case Command.FileChunk chunk -> true;
            case Command.FileAck ack -> true;
            case Command.FileDone done -> true;
            case Command.FileCancel cancel -> true;
            case Command.FileOffer offer -> false;
            case Command.FileAccept accept -> false;
            case Command.FileReject reject -> false;
        };
    }
}
