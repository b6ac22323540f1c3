package lanchat.server.store;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import lanchat.protocol.Event;
import lanchat.protocol.FieldRules;

/**
 * A {@link RoomLog} in this process's memory: one server, today's behaviour. Keeps the last {@code history}
 * messages (0 keeps none); joins, leaves and renames get positions but are not kept, as today they are not
 * replayed. Never throws {@link StoreUnavailableException}.
 */
public final class MemoryRoomLog implements RoomLog {
    private final String room;
    private final int history;
    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<Event.Message> kept = new ArrayDeque<>();
    private long lastSeq;
    private long lastSub;

    public MemoryRoomLog(String room, int history) {
        if (!FieldRules.isValidRoom(room)) {
            throw new IllegalArgumentException("not a valid room name: " + room);
        }
        if (history < 0) {
            throw new IllegalArgumentException("history < 0: " + history);
        }
        this.room = room;
        this.history = history;
    }

    @Override
    public String room() {
        return room;
    }

    @Override
    public long append(String from, String text, boolean action, String ts) {
        lock.lock();
        try {
            Event.Message message = new Event.Message(room, from, text, action, lastSeq + 1, ts, false);
            lastSeq++;
            lastSub = 0;
            if (history > 0) {
                if (kept.size() == history) {
                    kept.removeFirst();
                }
                kept.addLast(message);
            }
            return lastSeq;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Position appendNotice(Event notice) {
        if (!LogEntry.isNotice(notice)) {
            throw new IllegalArgumentException("not a join, leave or rename: " + notice);
        }
        lock.lock();
        try {
            return new Position(lastSeq, ++lastSub);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public long lastSeq() {
        lock.lock();
        try {
            return lastSeq;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<Event.Message> after(long seq, int max) {
        lock.lock();
        try {
            return kept.stream().filter(message -> message.seq() > seq).limit(max).toList();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<Event.Message> last(int n) {
        lock.lock();
        try {
            return kept.stream().skip(Math.max(0, kept.size() - n)).toList();
        } finally {
            lock.unlock();
        }
    }
}
