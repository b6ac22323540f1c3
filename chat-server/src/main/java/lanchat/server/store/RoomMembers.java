package lanchat.server.store;

import java.util.List;
import java.util.Map;

/**
 * Who is in which room, across every node: what {@code who}, {@code users} and {@code rooms} show. A node adds and
 * removes its own sessions' nicks; members of a node that stops proving it is alive (in Redis: its heartbeat
 * expires) are no longer listed. Rooms are compared case-insensitively.
 *
 * <p>Thread-safe; session threads call it. May throw {@link StoreUnavailableException}.
 */
public interface RoomMembers {

    /** {@code nick}, a session of this node, is in {@code room} (spelled as the room's first join spelled it). */
    void add(String room, String nick);

    /** {@code nick} is no longer in {@code room}; safe to call twice. */
    void remove(String room, String nick);

    /** The nicks in {@code room} on every live node, sorted case-insensitively; empty for an unknown room. */
    List<String> nicks(String room);

    /** Every room ever joined, by its first spelling, with how many members it has now, sorted by name. */
    Map<String, Integer> counts();
}
