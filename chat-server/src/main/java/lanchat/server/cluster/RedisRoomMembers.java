package lanchat.server.cluster;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import lanchat.protocol.FieldRules;
import lanchat.server.store.RoomMembers;

/**
 * {@link RoomMembers} in Redis: one hash per room, {@code lanchat:room:{room}:members} (folded nick → "node TAB
 * nick"), and {@code lanchat:rooms} (folded room → first spelling). Members of a node whose heartbeat has expired
 * are left out of every answer; their fields stay until the nick is added again. {@link #counts()} reads each
 * room's hash: fine for the rooms of a LAN, not for thousands of rooms. Thread-safe; every method may throw
 * {@link lanchat.server.store.StoreUnavailableException}.
 */
public final class RedisRoomMembers implements RoomMembers {
    private final RedisLink link;
    private final String node;

    /** Membership as seen by node {@code node}, whose {@link NodeHeartbeat} must be running. */
    public RedisRoomMembers(RedisLink link, String node) {
        this.link = link;
        this.node = node;
    }

    @Override
    public void add(String room, String nick) {
        link.call("add " + nick + " to " + room, redis -> {
            redis.hsetnx(Keys.ROOMS, FieldRules.fold(room), room);
            return redis.hset(Keys.members(room), FieldRules.fold(nick), node + "\t" + nick);
        });
    }

    @Override
    public void remove(String room, String nick) {
        link.call("remove " + nick + " from " + room, redis -> redis.hdel(Keys.members(room), FieldRules.fold(nick)));
    }

    @Override
    public List<String> nicks(String room) {
        Map<String, String> members = link.call("list " + room, redis -> redis.hgetall(Keys.members(room)));
        List<String[]> entries = members.values().stream().map(value -> value.split("\t", 2)).toList();
        List<String> nodes = entries.stream().map(parts -> parts[0]).distinct().toList();
        List<Boolean> alive = NodeHeartbeat.alive(link, nodes);
        List<String> nicks = new ArrayList<>();
        for (String[] parts : entries) {
            if (alive.get(nodes.indexOf(parts[0]))) {
                nicks.add(parts[1]);
            }
        }
        nicks.sort(String.CASE_INSENSITIVE_ORDER);
        return List.copyOf(nicks);
    }

    @Override
    public Map<String, Integer> counts() {
        Map<String, String> rooms = link.call("list rooms", redis -> redis.hgetall(Keys.ROOMS));
        Map<String, Integer> counts = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        rooms.values().forEach(name -> counts.put(name, nicks(name).size()));
        return Collections.unmodifiableMap(counts);
    }
}
