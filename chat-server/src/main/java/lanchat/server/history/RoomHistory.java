package lanchat.server.history;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import lanchat.protocol.Event;
import lanchat.protocol.FieldRules;
import lanchat.protocol.ProtocolException;
import lanchat.protocol.json.MessageCodec;
import lanchat.protocol.wire.FrameWriter;

/**
 * The last {@code capacity} messages of one room, oldest first: what a joiner is shown and what a resumed session
 * catches up from. Each message is kept only as its replay frame ({@code "history":true}, no {@code ref}), encoded
 * once when it is added: replaying to many clients shares one byte array per message, and the frame is the most
 * compact form of the message there is (UTF-8, where a Java string of non-Latin text takes two bytes a character).
 * The rare {@link #messages()} (a journal compaction) decodes them again.
 *
 * <p>What it keeps is charged to the server's {@link HistoryBudget}: {@link #bytes()} counts each frame plus
 * {@value #OVERHEAD_BYTES} bytes for the objects around it. When the budget is over, the eviction forgets the
 * oldest messages across rooms with {@link #evictOldest()}.
 *
 * <p>Not thread-safe: its {@code Room} calls it with the room's lock held, which is what keeps the history and
 * the live stream of the room in one order.
 */
public final class RoomHistory {
    /** What a kept message costs beyond its frame: the {@code Kept} record, the array header, the deque's slot. */
    public static final int OVERHEAD_BYTES = 56;
    /** The messages a room keeps unless told otherwise ({@code --history}). */
    public static final int DEFAULT_CAPACITY = 200;

    private final int capacity;
    private final HistoryBudget budget;
    private final ArrayDeque<Kept> kept;
    private long bytes;

    /** A message as kept: its seq, its place in the server-wide order, and its replay frame. */
    private record Kept(long seq, long order, byte[] replayFrame) {
        long bytes() {
            return replayFrame.length + OVERHEAD_BYTES;
        }
    }

    /** An empty history of at most {@code capacity} messages (0 keeps none), with no byte budget. */
    public RoomHistory(int capacity) {
        this(capacity, HistoryBudget.unlimited());
    }

    /** An empty history of at most {@code capacity} messages (0 keeps none), charged to {@code budget}. */
    public RoomHistory(int capacity, HistoryBudget budget) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity < 0: " + capacity);
        }
        this.capacity = capacity;
        this.budget = budget;
        this.kept = new ArrayDeque<>(Math.min(capacity, 16));
    }

    /** A history filled with {@code messages} (in seq order), of which it keeps the last {@code capacity}. */
    public static RoomHistory of(int capacity, HistoryBudget budget, List<Event.Message> messages) {
        RoomHistory history = new RoomHistory(capacity, budget);
        messages.forEach(history::add);
        return history;
    }

    /** Keeps {@code message} (as broadcast, {@code history} false), forgetting the oldest when full. */
    public void add(Event.Message message) {
        if (capacity == 0) {
            return;
        }
        if (kept.size() == capacity) {
            evictOldest();
        }
        Kept each = new Kept(message.seq(), budget.nextOrder(), encodeReplay(message));
        kept.addLast(each);
        bytes += each.bytes();
        budget.charge(each.bytes());
    }

    /** Forgets the oldest message kept, if any. */
    public void evictOldest() {
        Kept oldest = kept.pollFirst();
        if (oldest != null) {
            bytes -= oldest.bytes();
            budget.release(oldest.bytes());
        }
    }

    /** Forgets every message: the room is being dropped, or the server reset it. */
    public void clear() {
        while (!kept.isEmpty()) {
            evictOldest();
        }
    }

    /** The seq of the oldest message kept, or 0 when none is. */
    public long firstSeq() {
        return kept.isEmpty() ? 0 : kept.getFirst().seq();
    }

    /** The server-wide order of the oldest message kept ({@code Long.MAX_VALUE} when none is): who is evicted first. */
    public long firstOrder() {
        return kept.isEmpty() ? Long.MAX_VALUE : kept.getFirst().order();
    }

    /** The replay frames ({@code "history":true}) of every kept message with a seq above {@code afterSeq}. */
    public List<byte[]> framesAfter(long afterSeq) {
        List<byte[]> frames = new ArrayList<>();
        for (Kept each : kept) {
            if (each.seq() > afterSeq) {
                frames.add(each.replayFrame());
            }
        }
        return frames;
    }

    /** The kept messages, oldest first, as they were broadcast ({@code history} false): decoded again. */
    public List<Event.Message> messages() {
        return kept.stream().map(each -> decodeBroadcast(each.replayFrame())).toList();
    }

    public int size() {
        return kept.size();
    }

    /** The bytes this history keeps: its frames and {@value #OVERHEAD_BYTES} bytes for each. */
    public long bytes() {
        return bytes;
    }

    private static byte[] encodeReplay(Event.Message message) {
        Event.Message replay = new Event.Message(message.room(), message.from(), message.text(), message.action(),
                message.seq(), message.ts(), true);
        return FrameWriter.frame(MessageCodec.encode(replay), FieldRules.DEFAULT_MAX_FRAME_BYTES);
    }

    private static Event.Message decodeBroadcast(byte[] replayFrame) {
        byte[] body = Arrays.copyOfRange(replayFrame, FrameWriter.HEADER_BYTES, replayFrame.length);
        try {
            Event.Message replay = (Event.Message) MessageCodec.decodeEvent(body).message();
            return new Event.Message(replay.room(), replay.from(), replay.text(), replay.action(), replay.seq(),
                    replay.ts(), false);
        } catch (ProtocolException e) {
            throw new IllegalStateException("a kept frame does not decode: " + e.getMessage(), e);
        }
    }
}
