package lanchat.server.session;

/**
 * Every registered session by its session token (the one sent in {@code welcome}): connected ones and ones held
 * for a resume. A {@code hello} with {@code resume} looks its token up here. A token stays with its session for
 * the session's whole life, across resumes, and is removed when the session ends. A registry a cluster of servers
 * would share; {@link Tokens} keeps it in this process. Thread-safe.
 */
public interface TokenRegistry {

    void add(String token, Session session);

    /** The session holding {@code token}, or null for an unknown or expired token. */
    Session find(String token);

    /** {@code successor} now holds the token, if {@code previous} still did (atomically). */
    void replace(String token, Session previous, Session successor);

    /** Forgets {@code token} if {@code session} holds it; safe to call twice. */
    void remove(String token, Session session);
}
