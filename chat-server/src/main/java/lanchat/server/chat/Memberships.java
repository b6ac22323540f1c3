package lanchat.server.chat;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import lanchat.server.session.Member;

/** The {@link MembershipRegistry} of one server process: a concurrent map from member to its set of rooms. */
public final class Memberships implements MembershipRegistry {
    private final ConcurrentHashMap<Member, Set<Room>> byMember = new ConcurrentHashMap<>();

    @Override
    public Set<Room> roomsOf(Member member) {
        Set<Room> rooms = byMember.get(member);
        return rooms == null ? Set.of() : copy(rooms);
    }

    @Override
    public boolean isIn(Member member, Room room) {
        Set<Room> rooms = byMember.get(member);
        return rooms != null && rooms.contains(room);
    }

    @Override
    public void add(Member member, Room room) {
        byMember.compute(member, (key, rooms) -> {
            Set<Room> updated = rooms == null ? ConcurrentHashMap.newKeySet() : rooms;
            updated.add(room);
            return updated;
        });
    }

    @Override
    public void remove(Member member, Room room) {
        byMember.computeIfPresent(member, (key, rooms) -> {
            rooms.remove(room);
            return rooms.isEmpty() ? null : rooms;
        });
    }

    @Override
    public Set<Room> removeAll(Member member) {
        Set<Room> rooms = byMember.remove(member);
        return rooms == null ? Set.of() : Set.copyOf(rooms);
    }

    @Override
    public void moveAll(Member previous, Member successor) {
        Set<Room> rooms = byMember.remove(previous);
        if (rooms != null) {
            rooms.forEach(room -> add(successor, room));
        }
    }

    private static Set<Room> copy(Set<Room> rooms) {
        return Set.copyOf(new HashSet<>(rooms));
    }
}
