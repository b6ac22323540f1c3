package lanchat.server;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import lanchat.protocol.Rules;

/**
 * Who is called what: every registered nick, unique case-insensitively ({@code Bob} and {@code bob} are one nick).
 * Thread-safe and lock-free (a {@link ConcurrentHashMap} keyed by the folded nick); any session thread calls it.
 */
final class Nicknames {
    private final ConcurrentHashMap<String, Member> byKey = new ConcurrentHashMap<>();

    /** Gives {@code nick} to {@code member}; false when somebody already has it. */
    boolean claim(String nick, Member member) {
        return byKey.putIfAbsent(Rules.fold(nick), member) == null;
    }

    /**
     * Moves {@code member} from nick {@code from} to nick {@code to}; false (and nothing changes) when {@code to}
     * belongs to somebody else. A change of case only ({@code alice} to {@code Alice}) always succeeds.
     */
    boolean rename(String from, String to, Member member) {
        if (Rules.fold(from).equals(Rules.fold(to))) {
            return byKey.get(Rules.fold(from)) == member;
        }
        if (!claim(to, member)) {
            return false;
        }
        release(from, member);
        return true;
    }

    /** Gives {@code nick}, held by {@code previous}, to {@code successor}: a resumed session keeps its nick. */
    void replace(String nick, Member previous, Member successor) {
        byKey.replace(Rules.fold(nick), previous, successor);
    }

    /** Frees {@code nick} if {@code member} holds it; safe to call twice. */
    void release(String nick, Member member) {
        byKey.remove(Rules.fold(nick), member);
    }

    Optional<Member> find(String nick) {
        return Optional.ofNullable(byKey.get(Rules.fold(nick)));
    }

    int size() {
        return byKey.size();
    }
}
