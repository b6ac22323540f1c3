package lanchat.server;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import lanchat.protocol.Event;
import lanchat.protocol.FieldRules;
import lanchat.server.history.DataDir;
import lanchat.server.history.Journal;
import lanchat.server.history.LoadedRoom;
import lanchat.server.history.RoomHistory;

/**
 * Every room of the server, by case-insensitive name. A room is created by its first {@code join} and then kept
 * for the life of the server, even when empty, so its {@code seq} never restarts; {@code lobby} exists from the
 * start. With a {@link DataDir}, the rooms found on disk exist from the start too, with their history and seq.
 * Thread-safe; any session thread calls it ({@link #restore} only before the server listens).
 */
final class Rooms {
    static final String LOBBY = "lobby";

    private final ConcurrentHashMap<String, Room> byKey = new ConcurrentHashMap<>();
    private final int historyMessages;
    private volatile DataDir dataDir;

    /** Rooms keeping the default history in memory. */
    Rooms() {
        this(HistoryConfig.DEFAULT_MESSAGES);
    }

    /** Rooms keeping {@code historyMessages} messages each, in memory until {@link #restore} gives them files. */
    Rooms(int historyMessages) {
        this.historyMessages = historyMessages;
        getOrCreate(LOBBY);
    }

    /**
     * From now on rooms write to {@code dir}; the rooms it holds are created with their history and seq. Called
     * once, on the main thread, before any session exists.
     */
    void restore(DataDir dir) {
        dataDir = dir;
        byKey.remove(FieldRules.fold(LOBBY));
        for (LoadedRoom loaded : dir.rooms()) {
            String key = FieldRules.fold(loaded.name());
            byKey.put(key, new Room(loaded.name(), RoomHistory.of(historyMessages, loaded.messages()),
                    dir.journal(key), loaded.lastSeq()));
        }
        getOrCreate(LOBBY);
    }

    /** The room called {@code name} (in any case), created with that spelling if it does not exist yet. */
    Room getOrCreate(String name) {
        return byKey.computeIfAbsent(FieldRules.fold(name), key -> new Room(name, new RoomHistory(historyMessages),
                journalOf(key), 0));
    }

    Optional<Room> find(String name) {
        return Optional.ofNullable(byKey.get(FieldRules.fold(name)));
    }

    /** Every room with its member count, sorted by name. */
    List<Event.RoomInfo> list() {
        return byKey.values().stream()
                .sorted(Comparator.comparing(Room::key))
                .map(room -> new Event.RoomInfo(room.name(), room.size()))
                .toList();
    }

    private Journal journalOf(String key) {
        DataDir dir = dataDir;
        return dir == null ? Journal.none() : dir.journal(key);
    }
}
