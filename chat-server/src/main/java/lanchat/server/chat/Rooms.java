package lanchat.server.chat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import lanchat.protocol.Event;
import lanchat.protocol.FieldRules;
import lanchat.server.history.DataDir;
import lanchat.server.history.HistoryBudget;
import lanchat.server.history.Journal;
import lanchat.server.history.LoadedRoom;
import lanchat.server.history.LocalRoomLog;
import lanchat.server.history.RoomHistory;

/**
 * Every room of the server, by case-insensitive name. A room is created by its first {@code join}; {@code lobby}
 * exists from the start and always. With a {@link DataDir}, the rooms found on disk exist from the start too, with
 * their history and seq. Thread-safe; any session thread calls it ({@link #restore} only before the server
 * listens).
 *
 * <p>Bounds: a room nobody is in and that keeps no history is dropped ({@link #release}), so join/leave of ever
 * new names costs nothing; with a data directory a room that has given out seqs stays, so its file and its seq
 * agree. All histories together keep at most {@code --history-bytes}: past that, {@link #trimHistories} forgets
 * the oldest messages across all rooms.
 */
public final class Rooms {
    public static final String LOBBY = "lobby";

    private static final Comparator<Room> BY_KEY = Comparator.comparing(Room::key);

    private final ConcurrentHashMap<String, Room> byKey = new ConcurrentHashMap<>();
    private final int historyMessages;
    private final HistoryBudget budget;
    // One eviction at a time; a thread that finds one under way leaves the work to it.
    private final ReentrantLock evicting = new ReentrantLock();
    private volatile DataDir dataDir;

    /** Rooms keeping the default history in memory, without a byte budget. */
    public Rooms() {
        this(RoomHistory.DEFAULT_CAPACITY, HistoryBudget.unlimited());
    }

    /** Rooms keeping {@code historyMessages} messages each, all of them within {@code budget}. */
    public Rooms(int historyMessages, HistoryBudget budget) {
        this.historyMessages = historyMessages;
        this.budget = budget;
        getOrCreate(LOBBY);
    }

    /**
     * From now on rooms write to {@code dir}; the rooms it holds are created with their history and seq. Called
     * once, on the main thread, before any session exists.
     */
    public void restore(DataDir dir) {
        dataDir = dir;
        byKey.remove(FieldRules.fold(LOBBY));
        for (LoadedRoom loaded : dir.rooms()) {
            String key = FieldRules.fold(loaded.name());
            byKey.put(key, new Room(loaded.name(), new LocalRoomLog(
                    RoomHistory.of(historyMessages, budget, loaded.messages()), dir.journal(key), loaded.lastSeq())));
        }
        getOrCreate(LOBBY);
        trimHistories();
    }

    /** The room called {@code name} (in any case), created with that spelling if it does not exist yet. */
    public Room getOrCreate(String name) {
        return byKey.computeIfAbsent(FieldRules.fold(name), key -> new Room(name,
                new LocalRoomLog(new RoomHistory(historyMessages, budget), journalOf(key), 0)));
    }

    public Optional<Room> find(String name) {
        return Optional.ofNullable(byKey.get(FieldRules.fold(name)));
    }

    /**
     * The first {@code limit} rooms by name, with their member counts. A {@code rooms} frame holds a few
     * thousand at most: a heap of that many finds them without sorting, or counting members of, every room.
     */
    public List<Event.RoomInfo> firstByName(int limit) {
        PriorityQueue<Room> first = new PriorityQueue<>(BY_KEY.reversed());
        for (Room room : byKey.values()) {
            first.add(room);
            if (first.size() > limit) {
                first.poll();
            }
        }
        List<Room> sorted = new ArrayList<>(first);
        sorted.sort(BY_KEY);
        return sorted.stream().map(room -> new Event.RoomInfo(room.name(), room.size())).toList();
    }

    /** How many rooms there are. */
    public int count() {
        return byKey.size();
    }

    /** The server-wide history budget, for tests and log lines. */
    public HistoryBudget budget() {
        return budget;
    }

    /**
     * Drops {@code room} if it is idle now: nobody in it, no history (and, with a data directory, no seq given
     * out yet). Call it after someone left the room, holding no room lock.
     */
    public void release(Room room) {
        if (room.key().equals(LOBBY)) {
            return;
        }
        boolean keepSeq = dataDir != null;
        byKey.computeIfPresent(room.key(), (key, current) -> current == room && room.retireIfIdle(keepSeq)
                ? null : current);
    }

    /**
     * When the histories keep more than the budget, forgets the oldest messages across all rooms until they are
     * back under nine tenths of it; rooms left empty and idle are dropped. Call it after adding to a history,
     * holding no room lock (it takes each room's lock in turn).
     */
    public void trimHistories() {
        if (!budget.over() || !evicting.tryLock()) {
            return;
        }
        try {
            record Oldest(Room room, long order) {
            }
            PriorityQueue<Oldest> queue = new PriorityQueue<>(Comparator.comparingLong(Oldest::order));
            for (Room room : byKey.values()) {
                long order = room.oldestOrder();
                if (order != Long.MAX_VALUE) {
                    queue.add(new Oldest(room, order));
                }
            }
            while (budget.usedBytes() > budget.lowWaterBytes() && !queue.isEmpty()) {
                Room room = queue.poll().room();
                room.evictOldest();
                long next = room.oldestOrder();
                if (next == Long.MAX_VALUE) {
                    release(room);
                } else {
                    queue.add(new Oldest(room, next));
                }
            }
        } finally {
            evicting.unlock();
        }
    }

    private Journal journalOf(String key) {
        DataDir dir = dataDir;
        return dir == null ? Journal.none() : dir.journal(key);
    }
}
