package lanchat.server.session;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import lanchat.protocol.FieldRules;

/** The {@link NickRegistry} of one server process: a {@link ConcurrentHashMap} keyed by the folded nick, lock-free. */
public final class Nicknames implements NickRegistry {
    private final ConcurrentHashMap<String, Member> byKey = new ConcurrentHashMap<>();

    @Override
    public boolean claim(String nick, Member member) {
        return byKey.putIfAbsent(FieldRules.fold(nick), member) == null;
    }

    @Override
    public boolean rename(String from, String to, Member member) {
        if (FieldRules.fold(from).equals(FieldRules.fold(to))) {
            return byKey.get(FieldRules.fold(from)) == member;
        }
        if (!claim(to, member)) {
            return false;
        }
        release(from, member);
        return true;
    }

    @Override
    public void replace(String nick, Member previous, Member successor) {
        byKey.replace(FieldRules.fold(nick), previous, successor);
    }

    @Override
    public void release(String nick, Member member) {
        byKey.remove(FieldRules.fold(nick), member);
    }

    @Override
    public Optional<Member> find(String nick) {
        return Optional.ofNullable(byKey.get(FieldRules.fold(nick)));
    }

    @Override
    public int size() {
        return byKey.size();
    }
}
