package lanchat.server.cluster;

import io.lettuce.core.ScriptOutputType;
import java.util.Optional;
import lanchat.protocol.FieldRules;
import lanchat.server.store.NickRegistry;

/**
 * A {@link NickRegistry} in the Redis hash {@code lanchat:nicks}: folded nick → "node TAB session TAB nick". Each
 * change is a Lua script, so checking and taking a nick is one atomic step across nodes. A holder counts only while
 * its node's heartbeat key exists ({@link NodeHeartbeat}): a claim of a dead node is taken over as if free. Reads
 * the heartbeat keys from inside scripts, so it needs one Redis, not a Redis Cluster. Thread-safe; every method may
 * throw {@link lanchat.server.store.StoreUnavailableException}.
 */
public final class RedisNickRegistry implements NickRegistry {
    // Shared by the scripts: is the holder in hash value v still alive? ARGV[1] is the heartbeat key prefix.
    private static final String ALIVE = """
            local function alive(v)
              if not v then return false end
              return redis.call('EXISTS', ARGV[1] .. string.match(v, '^[^\\t]*')) == 1
            end
            """;
    // KEYS: nicks. ARGV: prefix, folded nick, new value.
    private static final LuaScript CLAIM = new LuaScript(ALIVE + """
            if alive(redis.call('HGET', KEYS[1], ARGV[2])) then return 0 end
            redis.call('HSET', KEYS[1], ARGV[2], ARGV[3])
            return 1
            """);
    // KEYS: nicks. ARGV: prefix, folded from, folded to, new value, "node TAB session TAB" of the holder.
    private static final LuaScript RENAME = new LuaScript(ALIVE + """
            local current = redis.call('HGET', KEYS[1], ARGV[2])
            if not current or string.sub(current, 1, #ARGV[5]) ~= ARGV[5] then return 0 end
            if ARGV[2] ~= ARGV[3] then
              if alive(redis.call('HGET', KEYS[1], ARGV[3])) then return 0 end
              redis.call('HDEL', KEYS[1], ARGV[2])
            end
            redis.call('HSET', KEYS[1], ARGV[3], ARGV[4])
            return 1
            """);
    // KEYS: nicks. ARGV: prefix, folded nick, "node TAB session TAB" of the holder.
    private static final LuaScript RELEASE = new LuaScript("""
            local current = redis.call('HGET', KEYS[1], ARGV[2])
            if current and string.sub(current, 1, #ARGV[3]) == ARGV[3] then redis.call('HDEL', KEYS[1], ARGV[2]) end
            return 0
            """);
    // KEYS: nicks. ARGV: prefix, folded nick. The value if its holder is alive, else nil.
    private static final LuaScript HOLDER = new LuaScript(ALIVE + """
            local current = redis.call('HGET', KEYS[1], ARGV[2])
            if alive(current) then return current end
            return false
            """);
    private static final String[] KEYS = {Keys.NICKS};

    private final RedisLink link;
    private final String node;

    /** The registry as seen by node {@code node}, whose {@link NodeHeartbeat} must be running. */
    public RedisNickRegistry(RedisLink link, String node) {
        this.link = link;
        this.node = node;
    }

    @Override
    public boolean claim(String nick, String session) {
        return run("claim nick " + nick, CLAIM, FieldRules.fold(nick), value(session, nick));
    }

    @Override
    public boolean rename(String from, String to, String session) {
        return run("rename " + from + " to " + to, RENAME, FieldRules.fold(from), FieldRules.fold(to), value(session, to),
                value(session, ""));
    }

    @Override
    public void release(String nick, String session) {
        run("release nick " + nick, RELEASE, FieldRules.fold(nick), value(session, ""));
    }

    @Override
    public Optional<Holder> holder(String nick) {
        String value = link.call("look up nick " + nick, redis -> HOLDER.<String>run(redis, ScriptOutputType.VALUE,
                KEYS, Keys.NODE_PREFIX, FieldRules.fold(nick)));
        if (value == null) {
            return Optional.empty();
        }
        String[] parts = value.split("\t", 3);
        return Optional.of(new Holder(parts[0], parts[1], parts[2]));
    }

    private String value(String session, String nick) {
        return node + "\t" + session + "\t" + nick;
    }

    private boolean run(String what, LuaScript script, String... args) {
        String[] withPrefix = new String[args.length + 1];
        withPrefix[0] = Keys.NODE_PREFIX;
        System.arraycopy(args, 0, withPrefix, 1, args.length);
        Long done = link.call(what, redis -> script.<Long>run(redis, ScriptOutputType.INTEGER, KEYS, withPrefix));
        return done == 1;
    }
}
