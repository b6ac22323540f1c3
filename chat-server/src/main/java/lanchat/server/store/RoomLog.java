package lanchat.server.store;

import java.util.List;
import lanchat.protocol.Event;

/**
 * The log of one room: every message with its seq, and the joins, leaves and renames between them, in one order
 * that every node agrees on. It keeps the last {@code history} messages for replay (the server's
 * {@code --history}); older ones are trimmed, and a client that missed them is told with a {@code gap}.
 *
 * <p>Thread-safe; session threads call it. Every method may throw {@link StoreUnavailableException} when the
 * log lives in a store that cannot be reached.
 */
public interface RoomLog {

    /** The room's name as its log spells it (the spelling of the room's first join). */
    String room();

    /**
     * Appends a message and returns its seq: the room's last seq + 1, given out once across every node, so two
     * nodes appending at once get two different, consecutive seqs.
     */
    long append(String from, String text, boolean action, String ts);

    /** Appends a join, leave or rename ({@link LogEntry#isNotice}) after the last entry; returns its position. */
    Position appendNotice(Event notice);

    /** The seq of the last message appended, 0 when none was. */
    long lastSeq();

    /** At most {@code max} kept messages with a seq above {@code seq}, oldest first. */
    List<Event.Message> after(long seq, int max);

    /** The last {@code n} kept messages (fewer when fewer are kept), oldest first: the history on join. */
    List<Event.Message> last(int n);

    /**
     * What a client that has seen up to {@code seen} is owed (a {@code seen} above the last seq counts as the last
     * seq): the kept messages after it, and whether a {@code gap} comes first. Reads the last seq before the
     * messages, so a message appended in between shows up in the messages, never as a false gap.
     */
    default Backlog backlog(long seen, int max) {
        long last = lastSeq();
        long from = Math.min(Math.max(seen, 0), last);
        List<Event.Message> kept = after(from, max);
        long firstKept = kept.isEmpty() ? last + 1 : kept.getFirst().seq();
        return new Backlog(from, firstKept, kept);
    }
}
