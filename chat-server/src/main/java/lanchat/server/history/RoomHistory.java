package lanchat.server.history;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import lanchat.protocol.Event;
import lanchat.protocol.FieldRules;
import lanchat.protocol.json.MessageCodec;
import lanchat.protocol.wire.FrameWriter;

/**
 * The last {@code capacity} messages of one room, oldest first: what a joiner is shown and what a resumed session
 * catches up from. Each message's replay frame ({@code "history":true}, no {@code ref}) is encoded when it is
 * first replayed, and then kept: replaying to many clients shares one byte array per message, and a busy room whose
 * history nobody asks for spends nothing on it.
 *
 * <p>Not thread-safe: its {@code Room} calls it with the room's lock held, which is what keeps the history and
 * the live stream of the room in one order.
 */
public final class RoomHistory {
    private final int capacity;
    private final ArrayDeque<Kept> kept;

    /** A message, and its replay frame once encoded. */
    private static final class Kept {
        private final Event.Message message;
        private byte[] replayFrame;

        Kept(Event.Message message) {
            this.message = message;
        }

        Event.Message message() {
            return message;
        }

        byte[] replayFrame() {
            if (replayFrame == null) {
                replayFrame = encodeReplay(message);
            }
            return replayFrame;
        }
    }

    /** An empty history of at most {@code capacity} messages (0 keeps none). */
    public RoomHistory(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity < 0: " + capacity);
        }
        this.capacity = capacity;
        this.kept = new ArrayDeque<>(Math.min(capacity, 256));
    }

    /** A history filled with {@code messages} (in seq order), of which it keeps the last {@code capacity}. */
    public static RoomHistory of(int capacity, List<Event.Message> messages) {
        RoomHistory history = new RoomHistory(capacity);
        messages.forEach(history::add);
        return history;
    }

    /** Keeps {@code message} (as broadcast, {@code history} false), forgetting the oldest when full. */
    public void add(Event.Message message) {
        if (capacity == 0) {
            return;
        }
        if (kept.size() == capacity) {
            kept.removeFirst();
        }
        kept.addLast(new Kept(message));
    }

    /** The seq of the oldest message kept, or 0 when none is. */
    public long firstSeq() {
        return kept.isEmpty() ? 0 : kept.getFirst().message().seq();
    }

    /** The replay frames ({@code "history":true}) of every kept message with a seq above {@code afterSeq}. */
    public List<byte[]> framesAfter(long afterSeq) {
        List<byte[]> frames = new ArrayList<>();
        for (Kept each : kept) {
            if (each.message().seq() > afterSeq) {
                frames.add(each.replayFrame());
            }
        }
        return frames;
    }

    /** The kept messages, oldest first, as they were broadcast. */
    public List<Event.Message> messages() {
        return kept.stream().map(Kept::message).toList();
    }

    public int size() {
        return kept.size();
    }

    private static byte[] encodeReplay(Event.Message message) {
        Event.Message replay = new Event.Message(message.room(), message.from(), message.text(), message.action(),
                message.seq(), message.ts(), true);
        return FrameWriter.frame(MessageCodec.encode(replay), FieldRules.DEFAULT_MAX_FRAME_BYTES);
    }
}
