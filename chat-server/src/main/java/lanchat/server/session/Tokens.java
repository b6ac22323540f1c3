package lanchat.server;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Every registered session by its session token (the one sent in {@code welcome}): connected ones and ones held
 * for a resume. A {@code hello} with {@code resume} looks its token up here. A token stays with its session for
 * the session's whole life, across resumes, and is removed when the session ends. Thread-safe and lock-free.
 */
final class Tokens {
    private final ConcurrentHashMap<String, ClientSession> byToken = new ConcurrentHashMap<>();

    void add(String token, ClientSession session) {
        byToken.put(token, session);
    }

    /** The session holding {@code token}, or null for an unknown or expired token. */
    ClientSession find(String token) {
        return byToken.get(token);
    }

    /** {@code successor} now holds the token, if {@code previous} still did. */
    void replace(String token, ClientSession previous, ClientSession successor) {
        byToken.replace(token, previous, successor);
    }

    /** Forgets {@code token} if {@code session} holds it; safe to call twice. */
    void remove(String token, ClientSession session) {
        byToken.remove(token, session);
    }
}
