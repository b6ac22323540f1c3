package lanchat.server.store;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import lanchat.protocol.FieldRules;

/**
 * {@link RoomMembers} in this process's memory: one node. Each room, by folded name, keeps its first spelling and
 * its members by folded nick. Never throws {@link StoreUnavailableException}.
 */
public final class MemoryRoomMembers implements RoomMembers {
    private record Members(String name, Map<String, String> byNickKey) {
    }

    private final ConcurrentHashMap<String, Members> rooms = new ConcurrentHashMap<>();

    @Override
    public void add(String room, String nick) {
        rooms.computeIfAbsent(FieldRules.fold(room), key -> new Members(room, new ConcurrentHashMap<>()))
                .byNickKey().put(FieldRules.fold(nick), nick);
    }

    @Override
    public void remove(String room, String nick) {
        Members members = rooms.get(FieldRules.fold(room));
        if (members != null) {
            members.byNickKey().remove(FieldRules.fold(nick));
        }
    }

    @Override
    public List<String> nicks(String room) {
        Members members = rooms.get(FieldRules.fold(room));
        return members == null ? List.of()
                : members.byNickKey().values().stream().sorted(String.CASE_INSENSITIVE_ORDER).toList();
    }

    @Override
    public Map<String, Integer> counts() {
        Map<String, Integer> counts = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        rooms.values().forEach(members -> counts.put(members.name(), members.byNickKey().size()));
        return Collections.unmodifiableMap(counts);
    }
}
