package lanchat.server.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link SessionStore} in this process's memory: a map from token to held session and its deadline. An expired
 * session is dropped when it is next looked at. Never throws {@link StoreUnavailableException}.
 */
public final class MemorySessionStore implements SessionStore {
    private record Held(HeldSession session, Instant deadline) {
    }

    private final Clock clock;
    private final ConcurrentHashMap<String, Held> byToken = new ConcurrentHashMap<>();

    public MemorySessionStore(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void hold(HeldSession session, Duration grace) {
        byToken.put(session.token(), new Held(session, clock.instant().plus(grace)));
    }

    @Override
    public Optional<HeldSession> take(String token) {
        Held held = byToken.remove(token);
        if (held == null || !held.deadline().isAfter(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(held.session());
    }

    @Override
    public void forget(String token) {
        byToken.remove(token);
    }
}
