package lanchat.server;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import lanchat.protocol.Event;
import lanchat.protocol.Rules;

/**
 * Every room of the server, by case-insensitive name. A room is created by its first {@code join} and then kept
 * for the life of the server, even when empty, so its {@code seq} never restarts; {@code lobby} exists from the
 * start. Thread-safe; any session thread calls it.
 */
final class Rooms {
    static final String LOBBY = "lobby";

    private final ConcurrentHashMap<String, Room> byKey = new ConcurrentHashMap<>();

    Rooms() {
        getOrCreate(LOBBY);
    }

    /** The room called {@code name} (in any case), created with that spelling if it does not exist yet. */
    Room getOrCreate(String name) {
        return byKey.computeIfAbsent(Rules.fold(name), key -> new Room(name));
    }

    Optional<Room> find(String name) {
        return Optional.ofNullable(byKey.get(Rules.fold(name)));
    }

    /** Every room with its member count, sorted by name. */
    List<Event.RoomInfo> list() {
        return byKey.values().stream()
                .sorted(Comparator.comparing(Room::key))
                .map(room -> new Event.RoomInfo(room.name(), room.size()))
                .toList();
    }
}
