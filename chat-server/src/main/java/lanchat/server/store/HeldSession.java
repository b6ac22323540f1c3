package lanchat.server.store;

import java.util.Map;
import java.util.TreeMap;

/**
 * A session whose connection was lost, as any node needs it to resume it: its {@code nick}, and each room it is
 * in (the room's name, in its own spelling) with the seq of the last message its node delivered to it there.
 * The client's own last seqs (from its {@code hello}) decide the catch-up; these say which rooms the session is in
 * and bound what the client can claim to have seen.
 */
public record HeldSession(String token, String nick, Map<String, Long> lastSeqs) {
    public HeldSession {
        if (token == null || token.isEmpty()) {
            throw new IllegalArgumentException("token is required");
        }
        if (nick == null || nick.isEmpty()) {
            throw new IllegalArgumentException("nick is required");
        }
        lastSeqs = Map.copyOf(new TreeMap<>(lastSeqs));
    }
}
