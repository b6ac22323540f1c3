package lanchat.server.cluster;

import io.lettuce.core.Range;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.StreamMessage;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import lanchat.protocol.Event;
import lanchat.protocol.FieldRules;
import lanchat.server.store.LogEntry;
import lanchat.server.store.Position;
import lanchat.server.store.RoomLog;

/**
 * A {@link RoomLog} in a Redis stream, shared by every node: {@code lanchat:room:{room}:log}. One Lua script
 * takes the next position and appends the entry in one atomic step, so the seqs of a room form one total order
 * across nodes, and the stream's order is that order.
 *
 * <p>The stream keeps the last {@code history + FEED_SLACK} messages (trimmed on append with {@code MINID ~}),
 * while reads return only the last {@code history}, as the in-memory log does: the slack lets a node whose
 * {@link RoomFeed} lags behind still read every entry before it is trimmed. Thread-safe; every method may throw
 * {@link lanchat.server.store.StoreUnavailableException}.
 */
public final class RedisRoomLog implements RoomLog {
    /** Messages kept beyond the history for nodes whose feed is behind. */
    static final int FEED_SLACK = 1_000;

    // KEYS: log stream, position hash. ARGV: "m" (message) or "n" (notice), messages to keep, then the fields.
    private static final LuaScript APPEND = new LuaScript("""
            local seq, sub
            if ARGV[1] == 'm' then
              seq = redis.call('HINCRBY', KEYS[2], 'seq', 1)
              sub = 0
              redis.call('HSET', KEYS[2], 'sub', 0)
            else
              seq = tonumber(redis.call('HGET', KEYS[2], 'seq') or '0')
              sub = redis.call('HINCRBY', KEYS[2], 'sub', 1)
            end
            local keepFrom = math.max(seq - tonumber(ARGV[2]) + 1, 0)
            local id = seq .. '-' .. sub
            redis.call('XADD', KEYS[1], 'MINID', '~', keepFrom .. '-0', id, unpack(ARGV, 3))
            return id
            """);

    private final RedisLink link;
    private final String room;
    private final int history;
    private final int slack;
    private final String[] keys;

    /** The log of {@code room} (spelled as its first join spelled it), replaying at most {@code history}. */
    public RedisRoomLog(RedisLink link, String room, int history) {
        this(link, room, history, FEED_SLACK);
    }

    /** As above, keeping {@code slack} messages beyond the history in the stream (tests use a small one). */
    RedisRoomLog(RedisLink link, String room, int history, int slack) {
        if (!FieldRules.isValidRoom(room)) {
            throw new IllegalArgumentException("not a valid room name: " + room);
        }
        if (history < 0) {
            throw new IllegalArgumentException("history < 0: " + history);
        }
        this.link = link;
        this.room = room;
        this.history = history;
        this.slack = slack;
        this.keys = new String[] {Keys.log(room), Keys.position(room)};
    }

    @Override
    public String room() {
        return room;
    }

    @Override
    public long append(String from, String text, boolean action, String ts) {
        String id = run("append to " + room, "m", EntryFields.message(room, from, text, action, ts));
        return Position.parse(id).seq();
    }

    @Override
    public Position appendNotice(Event notice) {
        return Position.parse(run("note in " + room, "n", EntryFields.notice(notice)));
    }

    @Override
    public long lastSeq() {
        String seq = link.call("read the last seq of " + room, redis -> redis.hget(keys[1], "seq"));
        return seq == null ? 0 : Long.parseLong(seq);
    }

    @Override
    public List<Event.Message> after(long seq, int max) {
        long last = lastSeq();
        long first = Math.max(seq + 1, firstReadable(last));
        return max <= 0 ? List.of() : messages(first, Math.min(last, first + max - 1));
    }

    @Override
    public List<Event.Message> last(int n) {
        long last = lastSeq();
        long first = Math.max(firstReadable(last), last - n + 1);
        return n <= 0 ? List.of() : messages(first, last);
    }

    private String run(String what, String kind, Map<String, String> fields) {
        String[] args = Stream.concat(Stream.of(kind, Integer.toString(history + slack)),
                Stream.of(EntryFields.flat(fields))).toArray(String[]::new);
        return link.call(what, redis -> APPEND.<String>run(redis, ScriptOutputType.VALUE, keys, args));
    }

    private long firstReadable(long lastSeq) {
        return Math.max(1, lastSeq - history + 1);
    }

    // The messages with seqs first…last that are still kept, and the notices between them are skipped.
    private List<Event.Message> messages(long first, long last) {
        if (first > last) {
            return List.of();
        }
        List<StreamMessage<String, String>> read = link.call("read the history of " + room,
                redis -> redis.xrange(keys[0], Range.create(first + "-0", last + "-0")));
        return read.stream()
                .map(entry -> EntryFields.entry(room, entry.getId(), entry.getBody()))
                .map(LogEntry::event)
                .filter(Event.Message.class::isInstance)
                .map(Event.Message.class::cast)
                .toList();
    }
}
