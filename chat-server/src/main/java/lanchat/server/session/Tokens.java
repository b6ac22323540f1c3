package lanchat.server.session;

import java.util.concurrent.ConcurrentHashMap;

/** The {@link TokenRegistry} of one server process: a concurrent map, lock-free. */
public final class Tokens implements TokenRegistry {
    private final ConcurrentHashMap<String, Session> byToken = new ConcurrentHashMap<>();

    @Override
    public void add(String token, Session session) {
        byToken.put(token, session);
    }

    @Override
    public Session find(String token) {
        return byToken.get(token);
    }

    @Override
    public void replace(String token, Session previous, Session successor) {
        byToken.replace(token, previous, successor);
    }

    @Override
    public void remove(String token, Session session) {
        byToken.remove(token, session);
    }
}
