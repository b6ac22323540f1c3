package lanchat.server.store;

import java.time.Duration;
import java.util.Optional;

/**
 * Sessions held for a resume, by their token: the node that lost a connection {@link #hold}s its session, and the
 * node the client comes back to — any node — {@link #take}s it. A held session expires after its grace period,
 * and is taken at most once, so two nodes cannot both resume it.
 *
 * <p>Thread-safe; session threads call it. May throw {@link StoreUnavailableException}.
 */
public interface SessionStore {

    /** Holds {@code session} for {@code grace}; a session already held under its token is replaced. */
    void hold(HeldSession session, Duration grace);

    /** Removes and returns the session held under {@code token}; empty when unknown or expired. */
    Optional<HeldSession> take(String token);

    /** Forgets the session held under {@code token}, if any; safe to call twice. */
    void forget(String token);
}
