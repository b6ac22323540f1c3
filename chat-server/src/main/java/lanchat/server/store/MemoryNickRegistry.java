package lanchat.server.store;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import lanchat.protocol.FieldRules;

/**
 * A {@link NickRegistry} in this process's memory: one node, whose claims last until released (a node cannot
 * outlive itself). Lock-free, keyed by the folded nick. Never throws {@link StoreUnavailableException}.
 */
public final class MemoryNickRegistry implements NickRegistry {
    private final String node;
    private final ConcurrentHashMap<String, Holder> byKey = new ConcurrentHashMap<>();

    public MemoryNickRegistry(String node) {
        this.node = node;
    }

    @Override
    public boolean claim(String nick, String session) {
        return byKey.putIfAbsent(FieldRules.fold(nick), new Holder(node, session, nick)) == null;
    }

    @Override
    public boolean rename(String from, String to, String session) {
        Holder current = byKey.get(FieldRules.fold(from));
        if (current == null || !current.session().equals(session)) {
            return false;
        }
        if (FieldRules.fold(from).equals(FieldRules.fold(to))) {
            return byKey.replace(FieldRules.fold(to), current, new Holder(node, session, to));
        }
        if (!claim(to, session)) {
            return false;
        }
        byKey.remove(FieldRules.fold(from), current);
        return true;
    }

    @Override
    public void release(String nick, String session) {
        byKey.computeIfPresent(FieldRules.fold(nick), (key, holder) -> holder.session().equals(session) ? null : holder);
    }

    @Override
    public Optional<Holder> holder(String nick) {
        return Optional.ofNullable(byKey.get(FieldRules.fold(nick)));
    }
}
