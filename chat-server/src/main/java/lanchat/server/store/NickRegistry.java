package lanchat.server.store;

import java.util.Optional;

/**
 * Who holds which nick, unique case-insensitively across every node ({@code Bob} and {@code bob} are one nick).
 * A holder is a session of one node; a claim lasts until it is released, or until its node stops proving it is
 * alive (in Redis: the node's heartbeat expires), so a node that dies does not keep its nicks forever.
 *
 * <p>Thread-safe; session threads call it. May throw {@link StoreUnavailableException}.
 */
public interface NickRegistry {

    /** A nick's holder: the session {@code session} on the node {@code node}, and the nick as it spells it. */
    record Holder(String node, String session, String nick) {
    }

    /** Gives {@code nick} to {@code session} of this node; false when a live holder already has it. */
    boolean claim(String nick, String session);

    /**
     * Moves {@code session} from {@code from} to {@code to} in one step; false (and nothing changes) when a live
     * holder other than {@code session} has {@code to}. A change of case only always succeeds for the holder.
     */
    boolean rename(String from, String to, String session);

    /** Frees {@code nick} if {@code session} of this node holds it; safe to call twice. */
    void release(String nick, String session);

    /** The live holder of {@code nick}, wherever it is: where a whisper goes. */
    Optional<Holder> holder(String nick);
}
