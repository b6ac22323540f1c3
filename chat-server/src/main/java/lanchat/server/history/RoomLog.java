package lanchat.server.history;

import java.util.List;
import lanchat.protocol.Event;

/**
 * One room's ordered log of messages: what gives each message its {@code seq}, what a joiner is shown and what a
 * resumed client catches up from. In this process today ({@link LocalRoomLog}: memory plus, with
 * {@code --data-dir}, the room's JSON-lines journal); a store shared by several servers later.
 *
 * <p>Not thread-safe: its room calls it with the room's lock held, which is what keeps the log and the live stream
 * of the room in one order. Seqs start at 1 and go up by one per message, with no holes.
 */
public interface RoomLog {

    /** The seq of the last message appended (0 before the first): the next message must have this plus one. */
    long lastSeq();

    /**
     * Appends {@code message}, whose seq must be {@link #lastSeq()} + 1: stored before anyone is sent it. False,
     * and nothing changed (the seq stays free), when it could not be stored (a full disk).
     */
    boolean append(Event.Message message);

    /** The seq of the oldest message still kept; {@link #lastSeq()} + 1 when none is: below it is a {@code gap}. */
    long firstKeptSeq();

    /**
     * The replay frames ({@code "history":true}, no ref) of every kept message with a seq above {@code afterSeq},
     * oldest first; the same arrays for every caller, never to be changed.
     */
    List<byte[]> replayAfter(long afterSeq);

    /** The last {@code count} kept messages, oldest first, as they were broadcast ({@code history} false). */
    List<Event.Message> last(int count);

    /** How many messages are kept. */
    int keptCount();

    /**
     * The server-wide order of the oldest message kept in memory ({@code Long.MAX_VALUE} for none): which room's
     * oldest message the memory budget forgets first.
     */
    long oldestOrder();

    /** Forgets the oldest message kept in memory: the server's history budget is over. */
    void evictOldest();

    /** The bytes it keeps in memory. */
    long bytes();
}
