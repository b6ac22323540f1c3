package lanchat.server;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import lanchat.protocol.Command;
import lanchat.protocol.Event;
import lanchat.protocol.Rules;

/**
 * Resumes a held session on a new connection: the {@code hello} carried {@code resume{token, rooms}}. The
 * newcomer gets, in this order: {@code welcome{resumed:true}} with the session's nick and token; the whispers kept
 * for it; then for each of its rooms, sorted by name, {@code users}, a {@code gap} if messages after its last seq
 * are no longer kept, and every kept message after it ({@code history:true}); and {@code left} for each room it
 * named but is no longer in. The other members see nothing at all. Runs on the newcomer's reader thread with its
 * lock held, from {@link Handshake}.
 */
final class Resumption {
    private static final Logger LOG = Logger.getLogger(Resumption.class.getName());

    private final ClientSession newcomer;
    private final Hub hub;

    Resumption(ClientSession newcomer, Hub hub) {
        this.newcomer = newcomer;
        this.hub = hub;
    }

    /**
     * Resumes the session of {@code resume.token()}: {@code welcomeAs} is given the session's nick to send the
     * welcome, first; then the catch-up follows, its frames with {@code ref}. False (nothing sent, nothing
     * changed) when resuming is off or the token is unknown or expired: the handshake goes on as a fresh session.
     */
    boolean resume(Command.Resume resume, String ref, Consumer<String> welcomeAs) {
        if (!hub.config().history().resumable()) {
            return false;
        }
        ClientSession previous = hub.tokens().find(resume.token());
        if (previous == null || previous == newcomer) {
            return false;
        }
        ClientSession.Handover handover = previous.handOver(newcomer, taken -> {
            newcomer.adopt(taken);
            welcomeAs.accept(taken.nick());
        });
        if (handover == null) {
            return false;
        }
        catchUp(previous, handover, resume.rooms(), ref);
        return true;
    }

    private void catchUp(ClientSession previous, ClientSession.Handover handover, Map<String, Long> named,
            String ref) {
        Map<String, Long> seen = named.entrySet().stream().collect(Collectors.toMap(
                entry -> Rules.fold(entry.getKey()), Map.Entry::getValue, Math::max));
        List<Room> rooms = handover.rooms().stream().sorted(Comparator.comparing(Room::key)).toList();
        int replayed = 0;
        for (Room room : rooms) {
            replayed += room.takeOver(previous, newcomer, seen.getOrDefault(room.key(), 0L), ref);
        }
        Set<String> inRooms = rooms.stream().map(Room::key).collect(Collectors.toSet());
        // A leave that crossed the lost connection: say so, so that the client drops the room too.
        named.keySet().stream().filter(name -> !inRooms.contains(Rules.fold(name)))
                .sorted(String.CASE_INSENSITIVE_ORDER)
                .forEach(name -> newcomer.send(new Event.Left(name, handover.nick(), "left"), ref));
        int total = replayed;
        LOG.info(() -> "resume " + newcomer + ": " + rooms.size() + (rooms.size() == 1 ? " room, " : " rooms, ")
                + total + (total == 1 ? " message" : " messages") + " replayed");
    }
}
