package lanchat.server.history;

import java.util.List;
import lanchat.protocol.Event;

/**
 * The {@link RoomLog} of one server process: the seq counter, the last messages in memory ({@link RoomHistory})
 * and, with {@code --data-dir}, the room's {@link Journal} file. A message is written to the journal before it is
 * kept or sent; when the journal grows past its bound it is rewritten from what memory keeps. That file write is
 * the only disk I/O under a room lock, and it is this room's lock alone.
 */
public final class LocalRoomLog implements RoomLog {
    private final RoomHistory history;
    private final Journal journal;
    private long lastSeq;

    /** A log whose messages go to {@code journal} and {@code history}; the next message gets seq lastSeq + 1. */
    public LocalRoomLog(RoomHistory history, Journal journal, long lastSeq) {
        if (lastSeq < 0) {
            throw new IllegalArgumentException("lastSeq < 0: " + lastSeq);
        }
        this.history = history;
        this.journal = journal;
        this.lastSeq = lastSeq;
    }

    /** A log kept in memory only, of at most {@code capacity} messages. */
    public static LocalRoomLog inMemory(int capacity) {
        return new LocalRoomLog(new RoomHistory(capacity), Journal.none(), 0);
    }

    @Override
    public long lastSeq() {
        return lastSeq;
    }

    @Override
    public boolean append(Event.Message message) {
        if (message.seq() != lastSeq + 1) {
            throw new IllegalArgumentException("seq " + message.seq() + " after " + lastSeq);
        }
        // Written before anyone is sent it: a message someone has seen survives a crash of the server, and one the
        // file could not take is seen by no one.
        if (!journal.append(message)) {
            return false;
        }
        lastSeq = message.seq();
        history.add(message);
        if (journal.full()) {
            journal.rewrite(history.size() > 0 ? history.messages() : List.of(message));
        }
        return true;
    }

    @Override
    public long firstKeptSeq() {
        return history.size() == 0 ? lastSeq + 1 : history.firstSeq();
    }

    @Override
    public List<byte[]> replayAfter(long afterSeq) {
        return history.framesAfter(afterSeq);
    }

    @Override
    public List<Event.Message> last(int count) {
        List<Event.Message> all = history.messages();
        return all.subList(Math.max(0, all.size() - count), all.size());
    }

    @Override
    public int keptCount() {
        return history.size();
    }

    @Override
    public long oldestOrder() {
        return history.firstOrder();
    }

    @Override
    public void evictOldest() {
        history.evictOldest();
    }

    @Override
    public long bytes() {
        return history.bytes();
    }
}
