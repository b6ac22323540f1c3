package lanchat.server.cluster;

import java.util.LinkedHashMap;
import java.util.Map;
import lanchat.protocol.Event;
import lanchat.server.store.LogEntry;
import lanchat.server.store.Position;

/**
 * A room log entry as the fields of its Redis stream entry, and back. Field {@code k} says the kind: {@code m}
 * message, {@code j} joined, {@code l} left, {@code r} renamed. A message's seq is not a field: it is the
 * entry's id ({@link Position}), given out by the append script.
 *
 * <pre>
 *  id 41-0  k=m room=lobby from=alice text="hi" action=0 ts=2026-11-24T10:15:30.123Z
 *  id 41-1  k=j room=lobby nick=bob
 *  id 41-2  k=r from=bob to=robert
 * </pre>
 */
final class EntryFields {
    private EntryFields() {
    }

    static Map<String, String> message(String room, String from, String text, boolean action, String ts) {
        return Map.of("k", "m", "room", room, "from", from, "text", text, "action", action ? "1" : "0", "ts", ts);
    }

    /** The fields of a join, leave or rename; anything else is refused. */
    static Map<String, String> notice(Event notice) {
        Map<String, String> fields = new LinkedHashMap<>();
        switch (notice) {
            case Event.Joined joined -> fields.putAll(Map.of("k", "j", "room", joined.room(), "nick", joined.nick()));
            case Event.Left left -> {
                fields.putAll(Map.of("k", "l", "room", left.room(), "nick", left.nick()));
                if (left.reason() != null) {
                    fields.put("reason", left.reason());
                }
            }
            case Event.Renamed renamed -> fields.putAll(Map.of("k", "r", "from", renamed.from(), "to", renamed.to()));
            default -> throw new IllegalArgumentException("not a join, leave or rename: " + notice);
        }
        return fields;
    }

    /** The entry at stream id {@code id} with {@code fields}; {@code room} names the log it came from. */
    static LogEntry entry(String room, String id, Map<String, String> fields) {
        Position position = Position.parse(id);
        String kind = fields.getOrDefault("k", "");
        Event event = switch (kind) {
            case "m" -> new Event.Message(fields.get("room"), fields.get("from"), fields.get("text"),
                    "1".equals(fields.get("action")), position.seq(), fields.get("ts"), false);
            case "j" -> new Event.Joined(fields.get("room"), fields.get("nick"));
            case "l" -> new Event.Left(fields.get("room"), fields.get("nick"), fields.get("reason"));
            case "r" -> new Event.Renamed(fields.get("from"), fields.get("to"));
            default -> throw new IllegalStateException("entry " + id + " of room " + room + " has unknown kind \""
                    + kind + "\"; known: m, j, l, r");
        };
        return new LogEntry(position, event);
    }

    /** Flattens {@code fields} to "name, value, name, value, …" for a script's arguments. */
    static String[] flat(Map<String, String> fields) {
        return fields.entrySet().stream().flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue()))
                .toArray(String[]::new);
    }
}
