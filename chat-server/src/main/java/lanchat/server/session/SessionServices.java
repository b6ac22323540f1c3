package lanchat.server.session;

import lanchat.server.runtime.LastResort;
import lanchat.server.runtime.Scheduler;

/**
 * What every {@link Session} of one server uses besides its connection: the settings, the timer, the registries
 * it joins and leaves (nicks, tokens, open sessions), and where its threads' surprises go. Made once by the
 * server; all of it thread-safe. Only {@code Session} takes it, and it uses every part.
 */
public record SessionServices(SessionSettings settings, Scheduler scheduler, NickRegistry nicks,
        TokenRegistry tokens, Sessions sessions, LastResort lastResort) {
}
