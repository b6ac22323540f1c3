package lanchat.server.session;

import lanchat.protocol.Command;

/**
 * Resumes a held session on a new connection, the session layer's half: the {@code hello} carried
 * {@code resume{token, rooms}}; the token names a held session, which hands itself over ({@link Session#handOver}):
 * its nick, its token, its rooms and the whispers kept for it. The chat layer then replays what the rooms said
 * meanwhile. Runs on the newcomer's reader thread with its lock held, from {@link Handshake}.
 */
final class Resumption {
    private final Session newcomer;
    private final SessionSettings settings;
    private final TokenRegistry tokens;

    Resumption(Session newcomer, SessionSettings settings, TokenRegistry tokens) {
        this.newcomer = newcomer;
        this.settings = settings;
        this.tokens = tokens;
    }

    /**
     * Resumes the session of {@code resume.token()}: {@code welcome} runs first, once the newcomer has the
     * session's nick and token. Returns the session resumed, or null (nothing sent, nothing changed) when resuming
     * is off or the token is unknown or expired: the handshake goes on as a fresh session.
     */
    Session resume(Command.Resume resume, Runnable welcome) {
        if (!settings.resumable()) {
            return null;
        }
        Session previous = tokens.find(resume.token());
        if (previous == null || previous == newcomer) {
            return null;
        }
        return previous.handOver(newcomer, welcome) ? previous : null;
    }
}
