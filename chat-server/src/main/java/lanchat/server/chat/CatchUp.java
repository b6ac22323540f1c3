package lanchat.server.chat;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import lanchat.protocol.Event;
import lanchat.protocol.FieldRules;
import lanchat.server.session.Session;

/**
 * Resumes a held session on a new connection, the chat layer's half: after {@code welcome{resumed:true}} and the
 * whispers kept for it (the session layer's half), the newcomer gets for each of its rooms, sorted by name,
 * {@code users}, a {@code gap} if messages after its last seq are no longer kept, and every kept message after it
 * ({@code history:true}); then {@code left} for each room it named but is no longer in. The other members see
 * nothing at all. Runs on the newcomer's reader thread with its lock held.
 */
final class CatchUp {
    private static final Logger LOG = Logger.getLogger(CatchUp.class.getName());

    private final MembershipRegistry memberships;

    CatchUp(MembershipRegistry memberships) {
        this.memberships = memberships;
    }

    /** {@code newcomer} took {@code previous}'s place; {@code named} are the rooms and last seqs it said it had. */
    void replay(Session previous, Session newcomer, Map<String, Long> named, String ref) {
        Map<String, Long> seen = named.entrySet().stream().collect(Collectors.toMap(
                entry -> FieldRules.fold(entry.getKey()), Map.Entry::getValue, Math::max));
        List<Room> rooms = memberships.roomsOf(newcomer).stream().sorted(Comparator.comparing(Room::key)).toList();
        int replayed = 0;
        for (Room room : rooms) {
            replayed += room.takeOver(previous, newcomer, seen.getOrDefault(room.key(), 0L), ref);
        }
        Set<String> inRooms = rooms.stream().map(Room::key).collect(Collectors.toSet());
        // A leave that crossed the lost connection: say so, so that the client drops the room too.
        named.keySet().stream().filter(name -> !inRooms.contains(FieldRules.fold(name)))
                .sorted(String.CASE_INSENSITIVE_ORDER)
                .forEach(name -> newcomer.send(new Event.Left(name, newcomer.nick(), "left"), ref));
        int total = replayed;
        LOG.info(() -> "resume " + newcomer + ": " + rooms.size() + (rooms.size() == 1 ? " room, " : " rooms, ")
                + total + (total == 1 ? " message" : " messages") + " replayed");
    }
}
