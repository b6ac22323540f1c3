package lanchat.server.chat;

import java.util.Set;
import lanchat.server.session.Member;

/**
 * Which rooms each member is in, seen from the member (a {@link Room} keeps its own member list, in its order).
 * A registry a cluster of servers would share; {@link Memberships} keeps it in this process. Thread-safe; a
 * member's entries change only on that member's session thread, or when its departure or resume runs.
 */
public interface MembershipRegistry {

    /** The rooms {@code member} is in: a copy, unaffected by later changes. */
    Set<Room> roomsOf(Member member);

    /** Whether {@code member} is in {@code room}. */
    boolean isIn(Member member, Room room);

    /** Records that {@code member} joined {@code room}. */
    void add(Member member, Room room);

    /** Records that {@code member} left {@code room}; nothing when it was not in it. */
    void remove(Member member, Room room);

    /** Forgets every room of {@code member} and returns them. */
    Set<Room> removeAll(Member member);

    /** {@code successor} (a resumed session) is in every room {@code previous} was in; {@code previous} in none. */
    void moveAll(Member previous, Member successor);
}
