package lanchat.server.cluster;

import com.google.gson.Gson;
import io.lettuce.core.SetArgs;
import java.time.Duration;
import java.util.Optional;
import lanchat.server.store.HeldSession;
import lanchat.server.store.SessionStore;

/**
 * A {@link SessionStore} in Redis: each held session is the JSON of its {@link HeldSession} under
 * {@code lanchat:session:{token}}, expiring with its grace period ({@code SET … PX}). {@link #take} is
 * {@code GETDEL}, one atomic step, so of two nodes that try to resume one session only one gets it. Thread-safe;
 * every method may throw {@link lanchat.server.store.StoreUnavailableException}.
 */
public final class RedisSessionStore implements SessionStore {
    private static final Gson GSON = new Gson();

    private final RedisLink link;

    public RedisSessionStore(RedisLink link) {
        this.link = link;
    }

    @Override
    public void hold(HeldSession session, Duration grace) {
        if (grace.toMillis() <= 0) {
            throw new IllegalArgumentException("grace < 1 ms: " + grace);
        }
        String json = GSON.toJson(session);
        link.call("hold the session of " + session.nick(),
                redis -> redis.set(Keys.session(session.token()), json, SetArgs.Builder.px(grace.toMillis())));
    }

    @Override
    public Optional<HeldSession> take(String token) {
        String json = link.call("resume a session", redis -> redis.getdel(Keys.session(token)));
        return Optional.ofNullable(json).map(text -> GSON.fromJson(text, HeldSession.class));
    }

    @Override
    public void forget(String token) {
        link.call("forget a session", redis -> redis.del(Keys.session(token)));
    }
}
