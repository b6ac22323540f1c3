package lanchat.client.session;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import lanchat.protocol.Command;
import lanchat.protocol.Event;
import lanchat.protocol.FieldRules;

/**
 * The client's view of its session: its nick, the rooms it is in, who is in each, and the current room — the
 * one a plain line goes to.
 *
 * <p>The server is the source of truth. A room is added when a {@code joined} for this client's own nick arrives
 * and removed on its own {@code left}; members follow {@code users}, {@code joined}, {@code left} and
 * {@code renamed}. Only the current room is the user's choice: {@link #focus} moves it at once, even to a room
 * whose {@code join} is still on its way, because the server handles frames in order — a line typed right
 * after {@code /join dev} reaches the server after the join. If that join fails, the focus goes back to a room
 * the client is in. When the client leaves the current room, the room joined last becomes current. A
 * {@code users} list naming this client also adds its room: that is how a resumed session learns of a join whose
 * {@code joined} it missed.
 *
 * <p>{@link #apply} is called on the connection's reader thread; the input thread reads the state for the
 * prompt, for parsing and for completion. One lock guards everything; nothing slow happens under it.
 * Nicks and rooms are compared case-insensitively ({@link FieldRules#fold}).
 */
public final class SessionState {
    private final ReentrantLock lock = new ReentrantLock();
    /** Folded room name → members (folded nick → nick), in the order the rooms were joined. */
    private final Map<String, Room> rooms = new LinkedHashMap<>();
    private String nick;
    private String currentRoom;

    private record Room(String name, Map<String, String> members) {
    }

    public SessionState(String nick) {
        this.nick = nick;
    }

    public String nick() {
        return read(() -> nick);
    }

    /** The room plain lines go to, or null when the client is in no room. */
    public String currentRoom() {
        return read(() -> currentRoom);
    }

    /** The rooms this client is in, in the order it joined them. */
    public List<String> rooms() {
        return read(() -> rooms.values().stream().map(Room::name).toList());
    }

    public boolean isIn(String room) {
        return read(() -> rooms.containsKey(FieldRules.fold(room)));
    }

    /** The members of the current room, sorted; empty when there is none. */
    public List<String> membersOfCurrentRoom() {
        return read(() -> currentRoom == null ? List.of() : sorted(rooms.get(FieldRules.fold(currentRoom))));
    }

    /** Every nick seen in any of this client's rooms, sorted. */
    public List<String> knownNicks() {
        return read(() -> {
            TreeSet<String> all = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            rooms.values().forEach(room -> all.addAll(room.members().values()));
            return List.copyOf(all);
        });
    }

    /** Makes {@code room} the current room: one the client is in, or one it has just asked to join. */
    public void focus(String room) {
        update(() -> {
            Room joined = rooms.get(FieldRules.fold(room));
            currentRoom = joined == null ? room : joined.name();
        });
    }

    /** Updates the state from an event; {@code answers} is the command it answers, or null. */
    public void apply(Event event, Command answers) {
        update(() -> {
            switch (event) {
                case Event.Welcome welcome -> nick = welcome.nick();
                case Event.Joined joined -> joined(joined);
                case Event.Left left -> left(left);
                case Event.Renamed renamed -> renamed(renamed);
                case Event.Users users -> users(users);
                case Event.Error error -> failed(answers);
                // Every other event is shown, not kept: the state is the nick, the rooms and their members.
                default -> { }
            }
        });
    }

    private void joined(Event.Joined joined) {
        String key = FieldRules.fold(joined.room());
        if (isMe(joined.nick())) {
            rooms.putIfAbsent(key, new Room(joined.room(), new LinkedHashMap<>()));
            if (currentRoom == null || FieldRules.fold(currentRoom).equals(key)) {
                currentRoom = joined.room();
            }
        }
        Room room = rooms.get(key);
        if (room != null) {
            room.members().put(FieldRules.fold(joined.nick()), joined.nick());
        }
    }

    private void left(Event.Left left) {
        String key = FieldRules.fold(left.room());
        if (!isMe(left.nick())) {
            Room room = rooms.get(key);
            if (room != null) {
                room.members().remove(FieldRules.fold(left.nick()));
            }
            return;
        }
        rooms.remove(key);
        if (currentRoom != null && FieldRules.fold(currentRoom).equals(key)) {
            currentRoom = lastJoinedRoom();
        }
    }

    private void renamed(Event.Renamed renamed) {
        if (isMe(renamed.from())) {
            nick = renamed.to();
        }
        String from = FieldRules.fold(renamed.from());
        for (Room room : rooms.values()) {
            if (room.members().remove(from) != null) {
                room.members().put(FieldRules.fold(renamed.to()), renamed.to());
            }
        }
    }

    private void users(Event.Users users) {
        String key = FieldRules.fold(users.room());
        if (!rooms.containsKey(key) && users.nicks().stream().anyMatch(this::isMe)) {
            rooms.put(key, new Room(users.room(), new LinkedHashMap<>()));
            currentRoom = currentRoom == null ? users.room() : currentRoom;
        }
        Room room = rooms.get(key);
        if (room != null) {
            room.members().clear();
            users.nicks().forEach(member -> room.members().put(FieldRules.fold(member), member));
        }
    }

    /** A join that failed moves the focus back to a room the client is really in. */
    private void failed(Command answers) {
        if (answers instanceof Command.Join join && currentRoom != null
                && FieldRules.fold(currentRoom).equals(FieldRules.fold(join.room()))
                && !rooms.containsKey(FieldRules.fold(join.room()))) {
            currentRoom = lastJoinedRoom();
        }
    }

    private String lastJoinedRoom() {
        String last = null;
        for (Room room : rooms.values()) {
            last = room.name();
        }
        return last;
    }

    private boolean isMe(String other) {
        return FieldRules.fold(nick).equals(FieldRules.fold(other));
    }

    private static List<String> sorted(Room room) {
        if (room == null) {
            return List.of();
        }
        List<String> members = new ArrayList<>(room.members().values());
        members.sort(String.CASE_INSENSITIVE_ORDER);
        return List.copyOf(members);
    }

    private <T> T read(Supplier<T> query) {
        lock.lock();
        try {
            return query.get();
        } finally {
            lock.unlock();
        }
    }

    private void update(Runnable change) {
        lock.lock();
        try {
            change.run();
        } finally {
            lock.unlock();
        }
    }
}
