package lanchat.server.session;

import java.util.Optional;

/**
 * Who is called what: every registered nick, unique case-insensitively ({@code Bob} and {@code bob} are one nick).
 * A registry a cluster of servers would share; {@link Nicknames} keeps it in this process. Thread-safe: any
 * session thread calls it, holding at most its own session's lock.
 */
public interface NickRegistry {

    /** Gives {@code nick} to {@code member}, atomically: of two claims of one nick at once, exactly one wins. */
    boolean claim(String nick, Member member);

    /**
     * Moves {@code member} from {@code from} to {@code to}; false (and nothing changes) when {@code to} belongs to
     * somebody else. A change of case only ({@code alice} to {@code Alice}) always succeeds.
     */
    boolean rename(String from, String to, Member member);

    /** Gives {@code nick}, held by {@code previous}, to {@code successor}: a resumed session keeps its nick. */
    void replace(String nick, Member previous, Member successor);

    /** Frees {@code nick} if {@code member} holds it; safe to call twice. */
    void release(String nick, Member member);

    /** Who holds {@code nick} (in any case), if anybody. */
    Optional<Member> find(String nick);

    /** How many nicks are held. */
    int size();
}
